package org.parley.negotiation.repository;

import org.parley.negotiation.model.IncidentKind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
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

    /** The incidents (alias {@code i}) that match, on the indexed columns; region and city ignore case. */
    public ListQuery query() {
        return ListQuery.from("Incident", "i")
                .where("i.negotiationId = :negotiation", "negotiation", negotiationId)
                .where("i.attributedToPartyId = :party", "party", attributedToPartyId)
                .where("i.kind = :kind", "kind", kind)
                .where("lower(i.region) = :region", "region", region == null ? null : region.strip().toLowerCase(Locale.ROOT))
                .where("lower(i.city) = :city", "city", city == null ? null : city.strip().toLowerCase(Locale.ROOT))
                .where("i.occurredOn >= :from", "from", from)
                .where("i.occurredOn <= :to", "to", to)
                .where("i.updatedAt >= :updatedSince", "updatedSince", updatedSince);
    }
}
