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
}
