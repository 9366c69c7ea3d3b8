package org.parley.negotiation.mapping;

import org.parley.negotiation.model.Meeting;
import org.parley.negotiation.rest.MeetingInput;
import org.parley.negotiation.rest.MeetingLocation;
import org.parley.negotiation.rest.MeetingStatusChange;
import org.parley.negotiation.rest.MeetingView;
import org.parley.negotiation.service.ChangeMeetingStatus;
import org.parley.negotiation.service.ScheduleMeeting;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Between the meeting entity and its API shapes. Collections come out sorted, so that equal meetings have equal views. */
public final class MeetingMapper {

    private MeetingMapper() {
    }

    public static MeetingView toView(Meeting m) {
        MeetingLocation location = m.location == null || (m.location.city == null && m.location.country == null && m.location.venue == null)
                ? null : new MeetingLocation(m.location.city, m.location.country, m.location.venue);
        return new MeetingView(m.id, m.negotiationId, m.title, m.startsAt, m.startPrecision, m.timingAsReported,
                m.durationSeconds == null ? null : Duration.ofSeconds(m.durationSeconds),
                location, m.format, m.status, m.statusNote, m.outcomeSummary,
                sorted(m.participantEnvoyIds), sorted(m.partyIds), sorted(m.discussedProposalIds), sorted(m.discussedClauseIds),
                List.copyOf(m.sources), m.createdAt, m.updatedAt);
    }

    public static ScheduleMeeting toCommand(MeetingInput input) {
        MeetingLocation location = input.location();
        return new ScheduleMeeting(input.negotiationId(), input.title(), input.startsAt(), input.startPrecision(), input.timingAsReported(),
                input.duration(), location == null ? null : location.city(), location == null ? null : location.country(),
                location == null ? null : location.venue(), input.format(), input.status(), input.outcomeSummary(),
                input.participantEnvoyIds(), input.partyIds(), input.discussedProposalIds(), input.discussedClauseIds(), input.sources());
    }

    public static ChangeMeetingStatus toCommand(MeetingStatusChange change) {
        return new ChangeMeetingStatus(change.status(), change.note());
    }

    private static List<UUID> sorted(Collection<UUID> ids) {
        return ids.stream().sorted().toList();
    }
}
