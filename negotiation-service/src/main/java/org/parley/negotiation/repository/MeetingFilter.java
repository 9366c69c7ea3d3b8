package org.parley.negotiation.repository;

import org.parley.negotiation.model.MeetingStatus;

import java.time.Instant;
import java.util.UUID;

/**
 * What a list or export of meetings is narrowed to; every part is optional. {@code from} is inclusive and
 * {@code to} exclusive (both bound startsAt); {@code updatedSince} is inclusive.
 */
public record MeetingFilter(
        UUID negotiationId,
        UUID partyId,
        UUID envoyId,
        Instant from,
        Instant to,
        MeetingStatus status,
        Instant updatedSince) {

    /** The meetings (alias {@code m}) that match. */
    public ListQuery query() {
        return ListQuery.from("Meeting", "m")
                .where("m.negotiationId = :negotiation", "negotiation", negotiationId)
                .where(":party member of m.partyIds", "party", partyId)
                .where(":envoy member of m.participantEnvoyIds", "envoy", envoyId)
                .where("m.startsAt >= :from", "from", from)
                .where("m.startsAt < :to", "to", to)
                .where("m.status = :status", "status", status)
                .where("m.updatedAt >= :updatedSince", "updatedSince", updatedSince);
    }
}
