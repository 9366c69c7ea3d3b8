package org.parley.negotiation.service;

import org.parley.negotiation.model.ProposalStatus;
import org.parley.negotiation.model.Source;

import java.util.List;
import java.util.UUID;

/**
 * Table a proposal in a negotiation; naming the proposal it supersedes marks that one superseded in the same
 * write. {@code status} null means draft.
 */
public record TableProposal(UUID negotiationId, String title, UUID sponsorPartyId, int version, UUID supersedesProposalId,
                            ProposalStatus status, String summary, List<Source> sources) {
}
