package org.parley.negotiation.repository;

import org.parley.negotiation.model.IncidentKind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What a incident list is narrowed to; every part is optional. The dates bound occurredOn, inclusive. The sort
 * is one of occurredOn, createdAt, updatedAt, with a leading '-' for descending.
 */
public record IncidentFilter(
        UUID negotiationId,
        UUID attributedToPartyId,
        IncidentKind kind,
        String region,
        String city,
        LocalDate from,
        LocalDate to,
        Instant updatedSince,
        String sort) {
}
