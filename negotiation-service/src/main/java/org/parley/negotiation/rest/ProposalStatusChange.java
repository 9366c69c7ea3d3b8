package org.parley.negotiation.rest;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.negotiation.model.ProposalStatus;

@Schema(name = "ProposalStatusChange", description = "Move a proposal to its next status")
public record ProposalStatusChange(@Schema(required = true, examples = "under_negotiation") @NotNull ProposalStatus status) {
}
