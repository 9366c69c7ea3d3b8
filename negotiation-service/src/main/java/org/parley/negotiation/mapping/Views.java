package org.parley.negotiation.mapping;

import org.parley.negotiation.model.Meeting;
import org.parley.negotiation.rest.MeetingLocation;
import org.parley.negotiation.rest.MeetingView;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Entity → API representation. Collections come out sorted, so that equal states have equal views. */
public final class Views {

    private Views() {
    }

    public static MeetingView meeting(Meeting m) {
        MeetingLocation location = m.location == null || (m.location.city == null && m.location.country == null && m.location.venue == null)
                ? null : new MeetingLocation(m.location.city, m.location.country, m.location.venue);
        return new MeetingView(m.id, m.negotiationId, m.title, m.startsAt, m.startPrecision, m.timingAsReported,
                m.durationSeconds == null ? null : Duration.ofSeconds(m.durationSeconds),
                location, m.format, m.status, m.statusNote, m.outcomeSummary,
                sorted(m.participantEnvoyIds), sorted(m.partyIds), sorted(m.discussedProposalIds), sorted(m.discussedClauseIds),
                List.copyOf(m.sources), m.createdAt, m.updatedAt);
    }

    private static List<UUID> sorted(Collection<UUID> ids) {
        return ids.stream().sorted().toList();
    }
}
