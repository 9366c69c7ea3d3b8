package org.parley.negotiation.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What a statement list is narrowed to; every part is optional. The dates bound saidOn, inclusive. The sort
 * is one of saidOn, createdAt, updatedAt, with a leading '-' for descending.
 */
public record StatementFilter(
        UUID negotiationId,
        UUID envoyId,
        UUID partyId,
        UUID meetingId,
        UUID proposalId,
        LocalDate from,
        LocalDate to,
        Instant updatedSince,
        String sort) {

    /** The statements (alias {@code s}) that match, on the indexed columns. */
    public ListQuery query() {
        return ListQuery.from("Statement", "s")
                .where("s.negotiationId = :negotiation", "negotiation", negotiationId)
                .where("s.envoyId = :envoy", "envoy", envoyId)
                .where("s.partyId = :party", "party", partyId)
                .where("s.meetingId = :meeting", "meeting", meetingId)
                .where("s.proposalId = :proposal", "proposal", proposalId)
                .where("s.saidOn >= :from", "from", from)
                .where("s.saidOn <= :to", "to", to)
                .where("s.updatedAt >= :updatedSince", "updatedSince", updatedSince);
    }
}
