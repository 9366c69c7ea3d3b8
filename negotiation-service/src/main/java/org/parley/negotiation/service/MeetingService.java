package org.parley.negotiation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Hibernate;
import org.parley.api.ApiException;
import org.parley.api.PageRequest;
import org.parley.api.Preconditions;
import org.parley.api.Vocabulary;
import org.parley.negotiation.model.DatePrecision;
import org.parley.negotiation.model.Meeting;
import org.parley.negotiation.model.MeetingFormat;
import org.parley.negotiation.model.MeetingStatus;
import org.parley.negotiation.model.Negotiation;
import org.parley.negotiation.model.Place;
import org.parley.negotiation.model.Source;
import org.parley.negotiation.repository.ListQuery;
import org.parley.negotiation.repository.MeetingFilter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class MeetingService {

    private static final Map<String, String> SORTS = Map.of("startsAt", "startsAt", "createdAt", "createdAt", "updatedAt", "updatedAt");

    @Inject
    KnownReferences known;

    @Inject
    NegotiationEvents events;

    @Inject
    EntityManager em;

    @Transactional
    public Meeting schedule(ScheduleMeeting input) {
        if (input.status() != null && input.status() != MeetingStatus.SCHEDULED && input.status() != MeetingStatus.HELD) {
            throw ApiException.badRequest("A new meeting is scheduled, or held when recording one that took place; got " + Vocabulary.wireName(input.status()));
        }
        validate(input);
        Meeting m = new Meeting();
        m.id = UUID.randomUUID();
        m.negotiationId = input.negotiationId();
        m.status = input.status() == null ? MeetingStatus.SCHEDULED : input.status();
        apply(m, input);
        m.createdAt = m.updatedAt = Clock.now();
        m.persistAndFlush();
        events.meetingScheduled(m);
        return m;
    }

    @Transactional
    public Meeting update(UUID id, String ifMatch, ScheduleMeeting input) {
        Meeting m = get(id);
        Preconditions.requireMatch(ifMatch, m.version);
        if (!m.negotiationId.equals(input.negotiationId())) {
            throw ApiException.conflict("A meeting cannot move to another negotiation (it belongs to " + m.negotiationId + ")");
        }
        validate(input);
        MeetingStatus previous = m.status;
        if (input.status() != null && input.status() != previous) {
            requireTransition(previous, input.status());
        }
        Details before = Details.of(m);
        apply(m, input);
        if (input.status() != null) {
            m.status = input.status();
        }
        if (Details.of(m).equals(before)) {
            return m;
        }
        m.updatedAt = Clock.now();
        em.flush();
        events.meetingUpdated(m);
        if (m.status != previous) {
            events.meetingStatusChanged(m, previous);
        }
        return m;
    }

    @Transactional
    public Meeting changeStatus(UUID id, String ifMatch, ChangeMeetingStatus change) {
        Meeting m = get(id);
        Preconditions.requireMatch(ifMatch, m.version);
        // The caller maps the meeting after this transaction; load its collections while the session is open.
        Hibernate.initialize(m.participantEnvoyIds);
        Hibernate.initialize(m.partyIds);
        Hibernate.initialize(m.discussedProposalIds);
        Hibernate.initialize(m.discussedClauseIds);
        MeetingStatus previous = m.status;
        if (previous == change.status() && Objects.equals(m.statusNote, change.note())) {
            return m;
        }
        if (previous != change.status()) {
            requireTransition(previous, change.status());
        }
        m.status = change.status();
        m.statusNote = change.note();
        m.updatedAt = Clock.now();
        em.flush();
        events.meetingStatusChanged(m, previous);
        return m;
    }

    public Meeting get(UUID id) {
        Meeting m = Meeting.findById(id);
        if (m == null) {
            throw ApiException.notFound("Meeting", id);
        }
        return m;
    }

    public org.parley.api.Page<Meeting> list(MeetingFilter filter, String sort, PageRequest request) {
        ListQuery query = filter.query();
        return query.page(Meeting.class, request, sort, () -> query.order(sort, SORTS), "meeting");
    }

    private static void requireTransition(MeetingStatus from, MeetingStatus to) {
        if (!from.canMoveTo(to)) {
            throw ApiException.conflict("A " + Vocabulary.wireName(from) + " meeting cannot become " + Vocabulary.wireName(to)
                    + "; allowed next: " + (from.next().isEmpty() ? "none (it is final)"
                    : from.next().stream().map(Vocabulary::wireName).collect(Collectors.joining(", "))));
        }
    }

    private void validate(ScheduleMeeting input) {
        Sources.required(input.sources(), "A meeting");
        if (input.duration() != null && (input.duration().isNegative() || input.duration().isZero())) {
            throw ApiException.badRequest("duration must be positive, e.g. PT5H");
        }
        if (input.duration() != null && input.duration().compareTo(Duration.ofDays(366)) > 0) {
            throw ApiException.badRequest("duration must be at most a year");
        }
        if (Negotiation.findById(input.negotiationId()) == null) {
            throw ApiException.unknownReference("Unknown negotiation id: " + input.negotiationId());
        }
        known.require(ids(input.partyIds()), ids(input.participantEnvoyIds()));
        requireInNegotiation(input.negotiationId(), ids(input.discussedProposalIds()), ids(input.discussedClauseIds()));
    }

    /** What a meeting discussed must be on the table of its own negotiation. */
    private void requireInNegotiation(UUID negotiationId, Set<UUID> proposalIds, Set<UUID> clauseIds) {
        List<String> problems = new ArrayList<>();
        if (!proposalIds.isEmpty()) {
            List<UUID> found = em.createQuery("select p.id from Proposal p where p.negotiationId = :n and p.id in :ids", UUID.class)
                    .setParameter("n", negotiationId).setParameter("ids", proposalIds).getResultList();
            Set<UUID> missing = new HashSet<>(proposalIds);
            found.forEach(missing::remove);
            if (!missing.isEmpty()) {
                problems.add("proposal id(s) not in negotiation " + negotiationId + ": " + join(missing));
            }
        }
        if (!clauseIds.isEmpty()) {
            List<UUID> found = em.createQuery("select c.id from Clause c, Proposal p where c.proposalId = p.id and p.negotiationId = :n and c.id in :ids", UUID.class)
                    .setParameter("n", negotiationId).setParameter("ids", clauseIds).getResultList();
            Set<UUID> missing = new HashSet<>(clauseIds);
            found.forEach(missing::remove);
            if (!missing.isEmpty()) {
                problems.add("clause id(s) not in negotiation " + negotiationId + ": " + join(missing));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.unknownReference("Unknown " + String.join("; ", problems));
        }
    }

    /** A start is either given (to the instant, or to the day) or unknown; anything else contradicts itself. */
    private static DatePrecision startPrecision(ScheduleMeeting input) {
        DatePrecision precision = input.startPrecision() != null ? input.startPrecision()
                : input.startsAt() != null ? DatePrecision.INSTANT : DatePrecision.UNKNOWN;
        if (!DatePrecision.FOR_INSTANT.contains(precision)) {
            throw ApiException.badRequest("startPrecision " + Vocabulary.wireName(precision) + " is not a precision of a meeting's start; use instant, exact_day or unknown");
        }
        if ((precision == DatePrecision.UNKNOWN) != (input.startsAt() == null)) {
            throw ApiException.badRequest(precision == DatePrecision.UNKNOWN
                    ? "startsAt must be left out when startPrecision is unknown"
                    : "startsAt is required when startPrecision is " + Vocabulary.wireName(precision));
        }
        return precision;
    }

    private static void apply(Meeting m, ScheduleMeeting input) {
        m.title = input.title().strip();
        m.startsAt = input.startsAt();
        m.startPrecision = startPrecision(input);
        m.timingAsReported = input.timingAsReported() == null || input.timingAsReported().isBlank() ? null : input.timingAsReported().strip();
        m.durationSeconds = input.duration() == null ? null : input.duration().toSeconds();
        Place place = new Place();
        place.city = input.city();
        place.country = input.country();
        place.venue = input.venue();
        if (m.location == null || !Objects.equals(m.location.city, place.city) || !Objects.equals(m.location.country, place.country)
                || !Objects.equals(m.location.venue, place.venue)) {
            m.location = place;
        }
        m.format = input.format();
        m.outcomeSummary = input.outcomeSummary();
        List<Source> sources = List.copyOf(input.sources());
        if (!sources.equals(m.sources)) {
            m.sources = sources;
        }
        replace(m.participantEnvoyIds, ids(input.participantEnvoyIds()));
        replace(m.partyIds, ids(input.partyIds()));
        replace(m.discussedProposalIds, ids(input.discussedProposalIds()));
        replace(m.discussedClauseIds, ids(input.discussedClauseIds()));
    }

    /** What a client can change on a meeting, compared to tell a replacement that changes nothing (no new version, no event). */
    private record Details(String title, Instant startsAt, DatePrecision startPrecision, String timingAsReported, Long durationSeconds,
                           String city, String country, String venue, MeetingFormat format, MeetingStatus status, String outcomeSummary,
                           Set<UUID> participantEnvoyIds, Set<UUID> partyIds, Set<UUID> discussedProposalIds, Set<UUID> discussedClauseIds,
                           List<Source> sources) {

        static Details of(Meeting m) {
            Place place = m.location == null ? new Place() : m.location;
            return new Details(m.title, m.startsAt, m.startPrecision, m.timingAsReported, m.durationSeconds, place.city, place.country, place.venue,
                    m.format, m.status, m.outcomeSummary, Set.copyOf(m.participantEnvoyIds), Set.copyOf(m.partyIds),
                    Set.copyOf(m.discussedProposalIds), Set.copyOf(m.discussedClauseIds), List.copyOf(m.sources));
        }
    }

    private static void replace(Set<UUID> current, Set<UUID> wanted) {
        if (!current.equals(wanted)) {
            current.clear();
            current.addAll(wanted);
        }
    }

    private static Set<UUID> ids(Collection<UUID> ids) {
        return ids == null ? new HashSet<>() : new HashSet<>(ids);
    }

    private static String join(Set<UUID> ids) {
        return ids.stream().map(UUID::toString).sorted().collect(Collectors.joining(", "));
    }
}
