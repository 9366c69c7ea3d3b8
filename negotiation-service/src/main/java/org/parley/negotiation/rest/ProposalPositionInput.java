package org.parley.negotiation.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.negotiation.model.PositionStatus;
import org.parley.negotiation.model.Source;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "ProposalPositionInput", description = "Where a party stands on a whole proposal, e.g. \"certain elements are unacceptable\" (rejected or contested, clauses undisclosed)")
public record ProposalPositionInput(
        @Schema(required = true, examples = "contested") @NotNull PositionStatus status,
        @Schema(examples = "Certain elements are unacceptable") @Size(max = 5000) String note,
        @Schema(required = true, description = "At least one") @Size(max = 50) List<@NotNull @Valid Source> sources,
        @Schema(description = "When the stance was taken; defaults to now") Instant recordedAt,
        @Schema(deprecated = true, description = "Ignored: the server records the subject of the caller's access token as recordedBy") @Size(max = 200) String recordedBy,
        @Schema(description = "The clauses the stance is about, when known; leave out when the party did not say which")
        @Size(max = 2000) List<@NotNull UUID> affectedClauseIds) {
}
