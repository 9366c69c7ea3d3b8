package org.parley.negotiation.service;

import org.parley.negotiation.model.Source;

import java.util.List;
import java.util.UUID;

/** Replace a proposal's editable fields; its status moves only through {@link ProposalService#changeStatus}. */
public record EditProposal(String title, UUID sponsorPartyId, int version, String summary, List<Source> sources) {
}
