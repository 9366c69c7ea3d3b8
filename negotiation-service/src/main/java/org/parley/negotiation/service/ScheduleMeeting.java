package org.parley.negotiation.service;

import org.parley.negotiation.model.DatePrecision;
import org.parley.negotiation.model.MeetingFormat;
import org.parley.negotiation.model.MeetingStatus;
import org.parley.negotiation.model.Source;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A meeting to schedule, or one that was held to record; also what replacing a meeting's details asks for,
 * since a replacement sets every field a schedule sets. Null status means scheduled on a new meeting and
 * unchanged on a replacement; null lists mean none.
 */
public record ScheduleMeeting(
        UUID negotiationId,
        String title,
        Instant startsAt,
        DatePrecision startPrecision,
        String timingAsReported,
        Duration duration,
        String city,
        String country,
        String venue,
        MeetingFormat format,
        MeetingStatus status,
        String outcomeSummary,
        List<UUID> participantEnvoyIds,
        List<UUID> partyIds,
        List<UUID> discussedProposalIds,
        List<UUID> discussedClauseIds,
        List<Source> sources) {
}
