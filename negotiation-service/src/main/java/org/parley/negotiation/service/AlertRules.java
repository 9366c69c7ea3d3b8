package org.parley.negotiation.service;

import org.parley.events.ParleyEvent;
import org.parley.events.alert.AlertSeverity;
import org.parley.events.negotiation.Casualties;
import org.parley.events.negotiation.IncidentPlaceData;
import org.parley.events.negotiation.IncidentRecorded;
import org.parley.events.negotiation.MeetingScheduled;
import org.parley.events.negotiation.MeetingStatusChanged;
import org.parley.events.negotiation.PositionRecorded;
import org.parley.events.negotiation.ProposalStatusChanged;
import org.parley.events.party.EnvoyAppointed;
import org.parley.events.party.EnvoyData;
import org.parley.negotiation.repository.AlertFacts;
import org.parley.negotiation.repository.AlertFacts.ClauseFacts;
import org.parley.negotiation.repository.AlertFacts.EnvoyFacts;
import org.parley.negotiation.repository.AlertFacts.MeetingFacts;
import org.parley.negotiation.repository.AlertFacts.ProposalFacts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.parley.events.alert.AlertSeverity.CRITICAL;
import static org.parley.events.alert.AlertSeverity.INFO;
import static org.parley.events.alert.AlertSeverity.NOTICE;
import static org.parley.events.alert.AlertSeverity.WARNING;

/**
 * Every alert rule, in one table ({@link #RULES}): what a policy desk is told, how urgently, and when.
 * <p>
 * A rule is a function of one event that negotiation-service is writing (or, for envoys, applying from
 * party-service) and of the negotiation's state in the same transaction ({@link AlertFacts}). It fires at most
 * once per event, and not at all for a change that changes nothing, such as the same status recorded again.
 * The rules know nothing of storage or Kafka: {@link AlertService} stores and publishes what they raise.
 * <p>
 * Consensus counts {@code accepted} and {@code accepted_with_reservations} alike: a clause every principal
 * party can live with is agreed, and the summary names who has reservations.
 */
public final class AlertRules {

    private static final List<Class<? extends ParleyEvent>> MEETINGS = List.of(MeetingScheduled.class, MeetingStatusChanged.class);

    /** The alert rules. Rules on the same event exclude each other where the table says "otherwise". */
    public static final List<Rule> RULES = List.of(
            rule("position_rejected", WARNING, PositionRecorded.class,
                    "a party's position on a clause, or on a whole proposal, becomes rejected",
                    "Russia rejected clause 7 (Territory) of the U.S. peace proposal v1",
                    AlertRules::positionRejected),
            rule("position_no_longer_rejected", NOTICE, PositionRecorded.class,
                    "a party's position on a clause, or on a whole proposal, moves out of rejected",
                    "Russia no longer rejects clause 7 (Territory) of the U.S. peace proposal v1: now contested",
                    AlertRules::positionNoLongerRejected),
            rule("clause_consensus_reached", NOTICE, PositionRecorded.class,
                    "after a position change, every principal party of the negotiation accepts a clause "
                            + "(accepted or accepted_with_reservations), and before it not all did",
                    "Consensus on clause 3 (Ceasefire) of the U.S. peace proposal v1: Russia, Ukraine and United States accept it",
                    (event, facts) -> consensus(event, facts, true)),
            rule("clause_consensus_lost", WARNING, PositionRecorded.class,
                    "after a position change, a clause that every principal party accepted is no longer accepted by all",
                    "Consensus lost on clause 3 (Ceasefire) of the U.S. peace proposal v1: Russia now contests it",
                    (event, facts) -> consensus(event, facts, false)),
            rule("proposal_status_changed", NOTICE, ProposalStatusChanged.class,
                    "a proposal's status changes, otherwise than to rejected or withdrawn",
                    "The U.S. peace proposal v1 moved from tabled to under negotiation",
                    (event, facts) -> proposalStatus(event, facts, status -> !"rejected".equals(status) && !"withdrawn".equals(status))),
            rule("proposal_rejected", WARNING, ProposalStatusChanged.class,
                    "a proposal's status becomes rejected",
                    "The U.S. peace proposal v1 was rejected (it was under negotiation)",
                    (event, facts) -> proposalStatus(event, facts, "rejected"::equals)),
            rule("proposal_withdrawn", WARNING, ProposalStatusChanged.class,
                    "a proposal's status becomes withdrawn",
                    "The U.S. peace proposal v1 was withdrawn (it was under negotiation)",
                    (event, facts) -> proposalStatus(event, facts, "withdrawn"::equals)),
            rule("meeting_scheduled", INFO, MEETINGS,
                    "a meeting is recorded as scheduled, or is scheduled again after being postponed or cancelled",
                    "Meeting scheduled: Umerov meets Witkoff and Kushner (4 Dec 2025, Miami)",
                    (event, facts) -> meeting(event, facts, "scheduled")),
            rule("meeting_held", INFO, MEETINGS,
                    "a meeting is marked held, or recorded as already held",
                    "Meeting held: Witkoff and Kushner meet Putin (2 Dec 2025, The Kremlin, Moscow)",
                    (event, facts) -> meeting(event, facts, "held")),
            rule("meeting_postponed", INFO, MEETINGS,
                    "a meeting is postponed",
                    "Meeting postponed: Umerov meets Witkoff and Kushner (4 Dec 2025, Miami)",
                    (event, facts) -> meeting(event, facts, "postponed")),
            rule("meeting_cancelled", NOTICE, MEETINGS,
                    "a meeting is cancelled",
                    "Meeting cancelled: Umerov meets Witkoff and Kushner (4 Dec 2025, Miami)",
                    (event, facts) -> meeting(event, facts, "cancelled")),
            rule("envoy_appointed", INFO, EnvoyAppointed.class,
                    "party-service appoints an envoy to a party that takes part in an ongoing negotiation "
                            + "(one alert per such negotiation), unless the mandate is already over; and no earlier envoy of that party and role has left office",
                    "Steve Witkoff appointed special envoy of United States",
                    (event, facts) -> envoy(event, facts, false)),
            rule("envoy_replaced", INFO, EnvoyAppointed.class,
                    "as envoy_appointed, but an earlier envoy of the same party and role has left office: the newcomer replaces them",
                    "Rustem Umerov replaces Andriy Yermak as chief negotiator of Ukraine",
                    (event, facts) -> envoy(event, facts, true)),
            rule("civilians_killed", CRITICAL, IncidentRecorded.class,
                    "an incident framing a negotiation is recorded with civilians killed (children count as civilians)",
                    "Missile strike in Kryvyi Rih, Dnipropetrovsk: 3 civilians killed (including 1 child), 12 injured; attributed to Russia",
                    (event, facts) -> civilianCasualties(event, facts, true)),
            rule("civilians_injured", WARNING, IncidentRecorded.class,
                    "an incident framing a negotiation is recorded with civilians injured and none killed",
                    "Drone strike in Odesa: 5 civilians injured; attributed to Russia",
                    (event, facts) -> civilianCasualties(event, facts, false)));

    /** A thing an alert is about, e.g. {@code position} and its id. */
    public record Cause(String kind, UUID id) {
    }

    /** An alert as a rule raised it, before it is stored and published. */
    public record Raised(String rule, AlertSeverity severity, String summary, UUID negotiationId, List<UUID> partyIds,
                         List<String> causeEventIds, List<Cause> causes, Instant occurredAt) {
    }

    /** One row of the table. {@code example} is a summary the rule writes, for the reader of the table and of docs/alerts.md. */
    public record Rule(String name, AlertSeverity severity, String when, String example,
                       List<Class<? extends ParleyEvent>> on, BiFunction<ParleyEvent, AlertFacts, Optional<Firing>> condition) {

        boolean appliesTo(ParleyEvent event) {
            return on.stream().anyMatch(type -> type.isInstance(event));
        }
    }

    /** What a rule says when it fires: for which negotiations, about whom, in one line. */
    public record Firing(List<UUID> negotiationIds, String summary, List<UUID> partyIds, List<Cause> causes, Instant occurredAt) {

        static Optional<Firing> of(UUID negotiationId, String summary, List<UUID> partyIds, List<Cause> causes, Instant occurredAt) {
            return Optional.of(new Firing(List.of(negotiationId), summary, partyIds, causes, occurredAt));
        }
    }

    private AlertRules() {
    }

    /**
     * The alerts an event raises: one per rule that fires (and, for envoys, per negotiation concerned), in
     * the order of the table.
     *
     * @param eventId the CloudEvents id of the event, cited as the alert's cause
     */
    public static List<Raised> evaluate(ParleyEvent event, String eventId, AlertFacts lookups) {
        AlertFacts facts = new OncePerEvent(lookups);
        List<Raised> raised = new ArrayList<>();
        for (Rule rule : RULES) {
            if (!rule.appliesTo(event)) {
                continue;
            }
            rule.condition().apply(event, facts).ifPresent(firing -> {
                for (UUID negotiationId : firing.negotiationIds()) {
                    raised.add(new Raised(rule.name(), rule.severity(), capitalised(firing.summary()), negotiationId,
                            List.copyOf(firing.partyIds()), List.of(eventId), List.copyOf(firing.causes()), firing.occurredAt()));
                }
            });
        }
        return raised;
    }

    /**
     * The facts of one evaluation, the clause statuses looked up once: both consensus rules need them, and each
     * lookup is two statements, one a row lock (see AlertFactsRepository), on every position write.
     */
    private static final class OncePerEvent implements AlertFacts {
        private record StatusesOf(UUID clauseId, Set<UUID> partyIds) {
        }


        private final AlertFacts facts;
        private final Map<StatusesOf, Map<UUID, String>> clauseStatuses = new HashMap<>();
        private final Map<UUID, List<UUID>> principals = new HashMap<>();

        OncePerEvent(AlertFacts facts) {
            this.facts = facts;
        }

        @Override
        public String partyName(UUID partyId) {
            return facts.partyName(partyId);
        }

        @Override
        public Optional<ProposalFacts> proposal(UUID proposalId) {
            return facts.proposal(proposalId);
        }

        @Override
        public Optional<ClauseFacts> clause(UUID clauseId) {
            return facts.clause(clauseId);
        }

        @Override
        public Optional<MeetingFacts> meeting(UUID meetingId) {
            return facts.meeting(meetingId);
        }

        @Override
        public List<UUID> principals(UUID negotiationId) {
            return principals.computeIfAbsent(negotiationId, facts::principals);
        }

        @Override
        public Map<UUID, String> clauseStatuses(UUID clauseId, Collection<UUID> partyIds) {
            return clauseStatuses.computeIfAbsent(new StatusesOf(clauseId, Set.copyOf(partyIds)),
                    key -> Map.copyOf(facts.clauseStatuses(clauseId, partyIds)));
        }

        @Override
        public List<UUID> ongoingNegotiationsOf(UUID partyId) {
            return facts.ongoingNegotiationsOf(partyId);
        }

        @Override
        public Optional<EnvoyFacts> predecessor(EnvoyData appointed) {
            return facts.predecessor(appointed);
        }
    }

    public static Optional<Rule> rule(String name) {
        return RULES.stream().filter(rule -> rule.name().equals(name)).findFirst();
    }

    // ---- positions -------------------------------------------------------------------------------------

    private static final Set<String> ACCEPTING = Set.of("accepted", "accepted_with_reservations");

    private static Optional<Firing> positionRejected(ParleyEvent event, AlertFacts facts) {
        PositionRecorded p = (PositionRecorded) event;
        if (!"rejected".equals(p.status()) || "rejected".equals(p.previousStatus())) {
            return Optional.empty();
        }
        String what = p.clauseId() == null ? proposalName(facts, p.proposalId()) + " as a whole" : clauseOf(facts, p.clauseId(), p.proposalId());
        return Firing.of(p.negotiationId(), facts.partyName(p.partyId()) + " rejected " + what,
                List.of(p.partyId()), positionCauses(p), p.recordedAt());
    }

    private static Optional<Firing> positionNoLongerRejected(ParleyEvent event, AlertFacts facts) {
        PositionRecorded p = (PositionRecorded) event;
        if (!"rejected".equals(p.previousStatus()) || "rejected".equals(p.status())) {
            return Optional.empty();
        }
        String what = p.clauseId() == null ? proposalName(facts, p.proposalId()) : clauseOf(facts, p.clauseId(), p.proposalId());
        return Firing.of(p.negotiationId(), facts.partyName(p.partyId()) + " no longer rejects " + what + ": now " + words(p.status()),
                List.of(p.partyId()), positionCauses(p), p.recordedAt());
    }

    private static Optional<Firing> consensus(ParleyEvent event, AlertFacts facts, boolean reached) {
        PositionRecorded p = (PositionRecorded) event;
        if (p.clauseId() == null || Objects.equals(p.status(), p.previousStatus())) {
            return Optional.empty();
        }
        List<UUID> principals = facts.principals(p.negotiationId());
        if (!principals.contains(p.partyId())) {
            return Optional.empty();
        }
        Map<UUID, String> after = new HashMap<>(facts.clauseStatuses(p.clauseId(), principals));
        after.put(p.partyId(), p.status());
        Map<UUID, String> before = new HashMap<>(after);
        before.put(p.partyId(), p.previousStatus());
        boolean was = principals.stream().allMatch(party -> accepts(before.get(party)));
        boolean is = principals.stream().allMatch(party -> accepts(after.get(party)));
        if (reached ? (was || !is) : (!was || is)) {
            return Optional.empty();
        }
        String clause = clauseOf(facts, p.clauseId(), p.proposalId());
        List<Cause> causes = List.of(new Cause("clause", p.clauseId()), new Cause("position", p.positionId()));
        if (reached) {
            List<String> reserved = principals.stream().filter(party -> "accepted_with_reservations".equals(after.get(party)))
                    .map(facts::partyName).sorted().toList();
            String summary = "Consensus on " + clause + ": " + names(principals.stream().map(facts::partyName).sorted().toList())
                    + (principals.size() == 1 ? " accepts it" : " accept it")
                    + (reserved.isEmpty() ? "" : " (" + names(reserved) + " with reservations)");
            return Firing.of(p.negotiationId(), summary, principals, causes, p.recordedAt());
        }
        return Firing.of(p.negotiationId(), "Consensus lost on " + clause + ": " + facts.partyName(p.partyId()) + " now " + stance(p.status()),
                principals, causes, p.recordedAt());
    }

    /** A party without a position (null) does not accept. */
    private static boolean accepts(String status) {
        return status != null && ACCEPTING.contains(status);
    }

    private static List<Cause> positionCauses(PositionRecorded p) {
        return Stream.of(new Cause("position", p.positionId()),
                        p.clauseId() == null ? null : new Cause("clause", p.clauseId()),
                        new Cause("proposal", p.proposalId()))
                .filter(Objects::nonNull).toList();
    }

    // ---- proposals -------------------------------------------------------------------------------------

    private static Optional<Firing> proposalStatus(ParleyEvent event, AlertFacts facts, java.util.function.Predicate<String> toStatus) {
        ProposalStatusChanged p = (ProposalStatusChanged) event;
        if (Objects.equals(p.status(), p.previousStatus()) || !toStatus.test(p.status())) {
            return Optional.empty();
        }
        String proposal = proposalName(facts, p.proposalId());
        String summary = switch (p.status()) {
            case "rejected", "withdrawn" -> proposal + " was " + p.status() + " (it was " + words(p.previousStatus()) + ")";
            default -> proposal + " moved from " + words(p.previousStatus()) + " to " + words(p.status());
        };
        List<UUID> parties = facts.proposal(p.proposalId()).map(ProposalFacts::sponsorPartyId).map(List::of).orElse(List.of());
        return Firing.of(p.negotiationId(), summary, parties, List.of(new Cause("proposal", p.proposalId())), p.changedAt());
    }

    // ---- meetings --------------------------------------------------------------------------------------

    private static Optional<Firing> meeting(ParleyEvent event, AlertFacts facts, String enteredStatus) {
        UUID negotiationId;
        UUID meetingId;
        Instant at;
        if (event instanceof MeetingScheduled scheduled) {
            if (!enteredStatus.equals(scheduled.meeting().status())) {
                return Optional.empty();
            }
            negotiationId = scheduled.meeting().negotiationId();
            meetingId = scheduled.meeting().id();
            at = scheduled.meeting().updatedAt();
        } else if (event instanceof MeetingStatusChanged changed) {
            if (!enteredStatus.equals(changed.status()) || enteredStatus.equals(changed.previousStatus())) {
                return Optional.empty();
            }
            negotiationId = changed.negotiationId();
            meetingId = changed.meetingId();
            at = changed.changedAt();
        } else {
            return Optional.empty();
        }
        Optional<MeetingFacts> meeting = facts.meeting(meetingId);
        String details = meeting.map(m -> m.title() + " (" + Stream.of(m.startsAt() == null ? null : DAY.format(m.startsAt()), m.place())
                .filter(Objects::nonNull).collect(Collectors.joining(", ")) + ")").orElse("a meeting");
        return Firing.of(negotiationId, "Meeting " + enteredStatus + ": " + details,
                meeting.map(MeetingFacts::partyIds).orElse(List.of()), List.of(new Cause("meeting", meetingId)), at);
    }

    // ---- envoys ----------------------------------------------------------------------------------------

    private static Optional<Firing> envoy(ParleyEvent event, AlertFacts facts, boolean replacing) {
        EnvoyData envoy = ((EnvoyAppointed) event).envoy();
        if (envoy.mandateTo() != null && envoy.updatedAt() != null
                && envoy.mandateTo().isBefore(LocalDate.ofInstant(envoy.updatedAt(), ZoneOffset.UTC))) {
            // A past mandate recorded after the fact is history, not news.
            return Optional.empty();
        }
        List<UUID> negotiations = facts.ongoingNegotiationsOf(envoy.partyId());
        if (negotiations.isEmpty()) {
            return Optional.empty();
        }
        Optional<EnvoyFacts> predecessor = facts.predecessor(envoy);
        if (predecessor.isPresent() != replacing) {
            return Optional.empty();
        }
        String as = words(envoy.role()) + " of " + facts.partyName(envoy.partyId());
        String summary = predecessor.map(p -> envoy.fullName() + " replaces " + p.fullName() + " as " + as)
                .orElse(envoy.fullName() + " appointed " + as);
        List<Cause> causes = new ArrayList<>(List.of(new Cause("envoy", envoy.id())));
        predecessor.ifPresent(p -> causes.add(new Cause("envoy", p.id())));
        return Optional.of(new Firing(negotiations, summary, List.of(envoy.partyId()), causes, envoy.updatedAt()));
    }

    // ---- incidents -------------------------------------------------------------------------------------

    private static Optional<Firing> civilianCasualties(ParleyEvent event, AlertFacts facts, boolean killedRule) {
        IncidentRecorded incident = (IncidentRecorded) event;
        Casualties c = incident.casualties();
        if (incident.negotiationId() == null || c == null) {
            return Optional.empty();
        }
        boolean civilians = Boolean.TRUE.equals(c.civilian());
        int children = count(c.childrenKilled());
        int killed = civilians ? Math.max(count(c.killed()), children) : children;
        int childrenHurt = count(c.childrenInjured());
        int injured = civilians ? Math.max(count(c.injured()), childrenHurt) : childrenHurt;
        if (killedRule ? killed == 0 : (killed > 0 || injured == 0)) {
            return Optional.empty();
        }
        // Children are counted within the totals; when the report does not say the victims were civilians, only they are known to be.
        String who = civilians ? "civilians" : "children";
        List<String> counts = new ArrayList<>();
        if (killed > 0) {
            counts.add(plural(killed, who) + " killed" + (civilians && children > 0 ? " (including " + plural(children, "children") + ")" : ""));
        }
        if (injured > 0) {
            counts.add(killed > 0 ? injured + " injured" : plural(injured, who) + " injured");
        }
        String summary = words(incident.kind()) + place(incident.place()) + ": " + String.join(", ", counts)
                + (incident.attributedPartyId() == null ? "" : "; attributed to " + facts.partyName(incident.attributedPartyId()));
        List<UUID> parties = incident.attributedPartyId() == null ? List.of() : List.of(incident.attributedPartyId());
        return Firing.of(incident.negotiationId(), summary, parties, List.of(new Cause("incident", incident.incidentId())), incident.recordedAt());
    }

    private static String place(IncidentPlaceData place) {
        if (place == null) {
            return "";
        }
        String where = place.city() != null
                ? place.city() + (place.region() == null ? "" : ", " + place.region())
                : Stream.of(place.asReported(), place.region(), place.country()).filter(Objects::nonNull).findFirst().orElse(null);
        return where == null ? "" : " in " + where;
    }

    // ---- words -----------------------------------------------------------------------------------------

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private static Rule rule(String name, AlertSeverity severity, Class<? extends ParleyEvent> on, String when, String example,
                             BiFunction<ParleyEvent, AlertFacts, Optional<Firing>> condition) {
        return new Rule(name, severity, when, example, List.of(on), condition);
    }

    private static Rule rule(String name, AlertSeverity severity, List<Class<? extends ParleyEvent>> on, String when, String example,
                             BiFunction<ParleyEvent, AlertFacts, Optional<Firing>> condition) {
        return new Rule(name, severity, when, example, on, condition);
    }

    /** "the U.S. peace proposal v1" */
    private static String proposalName(AlertFacts facts, UUID proposalId) {
        return facts.proposal(proposalId).map(p -> (p.title().regionMatches(true, 0, "the ", 0, 4) ? p.title() : "the " + p.title()) + " v" + p.version())
                .orElse("a proposal");
    }

    /** "clause 7 (Territory) of the U.S. peace proposal v1" */
    private static String clauseOf(AlertFacts facts, UUID clauseId, UUID proposalId) {
        String clause = facts.clause(clauseId).map(c -> "clause " + c.label() + (c.heading() == null || c.heading().isBlank() ? "" : " (" + c.heading() + ")"))
                .orElse("a clause");
        return clause + " of " + proposalName(facts, proposalId);
    }

    /** What a party does with a clause it no longer accepts. */
    private static String stance(String status) {
        return switch (status == null ? "not_stated" : status) {
            case "rejected" -> "rejects it";
            case "contested" -> "contests it";
            case "under_review" -> "has it under review";
            default -> "states no position on it";
        };
    }

    /** under_negotiation becomes "under negotiation". */
    private static String words(String wireName) {
        return wireName == null ? "unknown" : wireName.replace('_', ' ');
    }

    private static String names(List<String> names) {
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private static String plural(int count, String pluralNoun) {
        if (count != 1) {
            return count + " " + pluralNoun;
        }
        return "1 " + (pluralNoun.equals("children") ? "child" : pluralNoun.substring(0, pluralNoun.length() - 1));
    }

    private static int count(Integer value) {
        return value == null ? 0 : Math.max(0, value);
    }

    private static String capitalised(String summary) {
        return summary.isEmpty() ? summary : Character.toUpperCase(summary.charAt(0)) + summary.substring(1);
    }
}
