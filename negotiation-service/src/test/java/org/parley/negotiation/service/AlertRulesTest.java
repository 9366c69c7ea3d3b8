package org.parley.negotiation.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.parley.api.Vocabulary;
import org.parley.events.ParleyEvent;
import org.parley.events.alert.AlertSeverity;
import org.parley.events.negotiation.IncidentRecorded;
import org.parley.events.negotiation.MeetingScheduled;
import org.parley.events.negotiation.MeetingStatusChanged;
import org.parley.events.negotiation.PositionRecorded;
import org.parley.events.negotiation.ProposalStatusChanged;
import org.parley.events.party.EnvoyAppointed;
import org.parley.events.party.EnvoyData;
import org.parley.negotiation.repository.AlertFacts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules on their own, with the negotiation's state held in memory. That each rule is wired to the real
 * events, stored and published is shown by AlertApiTest.
 */
class AlertRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Instant NOW = Instant.parse("2025-12-02T16:00:00Z");

    private final Facts facts = new Facts();
    private final UUID talks = UUID.randomUUID();
    private final UUID russia = facts.party("Russia");
    private final UUID ukraine = facts.party("Ukraine");
    private final UUID us = facts.party("United States");
    private final UUID turkey = facts.party("Turkey");
    private final UUID proposal = UUID.randomUUID();
    private final UUID territory = UUID.randomUUID();

    AlertRulesTest() {
        facts.principals.put(talks, List.of(russia, ukraine, us));
        facts.proposals.put(proposal, new AlertFacts.ProposalFacts("U.S. peace proposal", 1, us));
        facts.clauses.put(territory, new AlertFacts.ClauseFacts(proposal, "7", "Territory"));
        facts.ongoing.put(us, List.of(talks));
    }

    @Test
    void theTableNamesEachRuleOnceWithASeverityAndAnExample() {
        assertEquals(AlertRules.RULES.size(), new HashSet<>(AlertRules.RULES.stream().map(AlertRules.Rule::name).toList()).size());
        for (AlertRules.Rule rule : AlertRules.RULES) {
            assertTrue(rule.name().matches("[a-z]+(_[a-z]+)*"), rule.name());
            assertTrue(!rule.when().isBlank() && !rule.example().isBlank() && !rule.on().isEmpty(), rule.name());
        }
    }

    @Test
    void docsAlertsListsEveryRuleWithItsSeverity() throws java.io.IOException {
        java.nio.file.Path docs = java.nio.file.Path.of("..", "docs", "alerts.md");
        List<String> rows = java.nio.file.Files.readAllLines(docs).stream().filter(line -> line.startsWith("| `")).toList();
        for (AlertRules.Rule rule : AlertRules.RULES) {
            String row = "| `" + rule.name() + "` | " + Vocabulary.wireName(rule.severity()) + " |";
            assertTrue(rows.stream().anyMatch(line -> line.startsWith(row)), docs + " has no row starting with " + row);
        }
    }

    @Test
    void aRejectionIsAWarningAndMovingOutOfItANotice() {
        List<AlertRules.Raised> rejected = evaluate(position(russia, territory, "rejected", "under_review"));
        assertEquals(1, rejected.size());
        AlertRules.Raised alert = rejected.get(0);
        assertEquals("position_rejected", alert.rule());
        assertEquals(AlertSeverity.WARNING, alert.severity());
        assertEquals("Russia rejected clause 7 (Territory) of the U.S. peace proposal v1", alert.summary());
        assertEquals(talks, alert.negotiationId());
        assertEquals(List.of(russia), alert.partyIds());
        assertEquals(List.of("event-1"), alert.causeEventIds());
        assertEquals("position", alert.causes().get(0).kind());
        assertEquals(NOW, alert.occurredAt());

        // A first position can be a rejection; the same status recorded again is not news.
        assertEquals(List.of("position_rejected"), rules(evaluate(position(russia, territory, "rejected", null))));
        assertEquals(List.of(), evaluate(position(russia, territory, "rejected", "rejected")));

        List<AlertRules.Raised> softened = evaluate(position(russia, territory, "contested", "rejected"));
        assertEquals(List.of("position_no_longer_rejected"), rules(softened));
        assertEquals(AlertSeverity.NOTICE, softened.get(0).severity());
        assertEquals("Russia no longer rejects clause 7 (Territory) of the U.S. peace proposal v1: now contested", softened.get(0).summary());

        List<AlertRules.Raised> wholeProposal = evaluate(position(russia, null, "rejected", null));
        assertEquals("Russia rejected the U.S. peace proposal v1 as a whole", wholeProposal.get(0).summary());
    }

    @Test
    void consensusIsReachedWhenTheLastPrincipalAcceptsAndLostWhenOneStopsAccepting() {
        facts.status(territory, russia, "accepted");
        facts.status(territory, us, "accepted");
        assertEquals(List.of(), evaluate(position(ukraine, territory, "under_review", null)));
        facts.status(territory, ukraine, "under_review");

        List<AlertRules.Raised> reached = evaluate(position(ukraine, territory, "accepted_with_reservations", "under_review"));
        assertEquals(List.of("clause_consensus_reached"), rules(reached));
        assertEquals(AlertSeverity.NOTICE, reached.get(0).severity());
        assertEquals("Consensus on clause 7 (Territory) of the U.S. peace proposal v1: Russia, Ukraine and United States accept it "
                + "(Ukraine with reservations)", reached.get(0).summary());
        assertEquals(List.of(russia, ukraine, us).stream().sorted().toList(), reached.get(0).partyIds().stream().sorted().toList());
        facts.status(territory, ukraine, "accepted_with_reservations");

        // Still consensus: from reservations to plain acceptance changes nothing a desk must hear about.
        assertEquals(List.of(), evaluate(position(ukraine, territory, "accepted", "accepted_with_reservations")));
        // A mediator or observer does not count.
        assertEquals(List.of(), evaluate(position(turkey, territory, "rejected", null)).stream()
                .filter(a -> a.rule().startsWith("clause_consensus")).toList());

        List<AlertRules.Raised> lost = evaluate(position(russia, territory, "contested", "accepted"));
        assertEquals(List.of("clause_consensus_lost"), rules(lost));
        assertEquals(AlertSeverity.WARNING, lost.get(0).severity());
        assertEquals("Consensus lost on clause 7 (Territory) of the U.S. peace proposal v1: Russia now contests it", lost.get(0).summary());

        // Losing it by a rejection raises both: the rejection and the loss.
        assertEquals(List.of("position_rejected", "clause_consensus_lost"), rules(evaluate(position(russia, territory, "rejected", "accepted"))));
    }

    @Test
    void onePositionChangeLooksUpTheClauseStatusesOnce() {
        // Each lookup is a row lock and a query on every position write; both consensus rules need the statuses.
        facts.status(territory, russia, "accepted");
        facts.status(territory, us, "accepted");
        evaluate(position(ukraine, territory, "accepted", "under_review"));
        assertEquals(1, facts.statusLookups);
        evaluate(position(ukraine, territory, "contested", "accepted"));
        assertEquals(2, facts.statusLookups, "a new event looks them up again");
    }

    @Test
    void aProposalStatusChangeIsANoticeUnlessRejectedOrWithdrawn() {
        List<AlertRules.Raised> moved = evaluate(proposalStatus("tabled", "under_negotiation"));
        assertEquals(List.of("proposal_status_changed"), rules(moved));
        assertEquals(AlertSeverity.NOTICE, moved.get(0).severity());
        assertEquals("The U.S. peace proposal v1 moved from tabled to under negotiation", moved.get(0).summary());
        assertEquals(List.of(us), moved.get(0).partyIds());

        List<AlertRules.Raised> rejected = evaluate(proposalStatus("under_negotiation", "rejected"));
        assertEquals(List.of("proposal_rejected"), rules(rejected));
        assertEquals(AlertSeverity.WARNING, rejected.get(0).severity());
        assertEquals("The U.S. peace proposal v1 was rejected (it was under negotiation)", rejected.get(0).summary());
        assertEquals(List.of("proposal_withdrawn"), rules(evaluate(proposalStatus("tabled", "withdrawn"))));
        assertEquals(List.of(), evaluate(proposalStatus("tabled", "tabled")));
    }

    @Test
    void meetingsAreInfoExceptACancellation() {
        UUID meeting = UUID.randomUUID();
        facts.meetings.put(meeting, new AlertFacts.MeetingFacts("Witkoff and Kushner meet Putin", NOW, "The Kremlin, Moscow", List.of(russia, us)));

        List<AlertRules.Raised> scheduled = evaluate(meetingScheduled(meeting, "scheduled"));
        assertEquals(List.of("meeting_scheduled"), rules(scheduled));
        assertEquals(AlertSeverity.INFO, scheduled.get(0).severity());
        assertEquals("Meeting scheduled: Witkoff and Kushner meet Putin (2 Dec 2025, The Kremlin, Moscow)", scheduled.get(0).summary());
        assertEquals(List.of(russia, us), scheduled.get(0).partyIds());
        assertEquals(List.of("meeting_held"), rules(evaluate(meetingScheduled(meeting, "held"))));

        assertEquals(List.of("meeting_held"), rules(evaluate(meetingStatus(meeting, "scheduled", "held"))));
        assertEquals(List.of("meeting_postponed"), rules(evaluate(meetingStatus(meeting, "scheduled", "postponed"))));
        assertEquals(List.of("meeting_scheduled"), rules(evaluate(meetingStatus(meeting, "postponed", "scheduled"))));
        List<AlertRules.Raised> cancelled = evaluate(meetingStatus(meeting, "scheduled", "cancelled"));
        assertEquals(List.of("meeting_cancelled"), rules(cancelled));
        assertEquals(AlertSeverity.NOTICE, cancelled.get(0).severity());
        assertEquals(List.of(), evaluate(meetingStatus(meeting, "held", "held")));
    }

    @Test
    void anEnvoyIsAppointedOrReplacesAPredecessorInEachOngoingNegotiationOfTheParty() {
        EnvoyData witkoff = envoy(us, "Steve Witkoff", "special_envoy");
        List<AlertRules.Raised> appointed = evaluate(new EnvoyAppointed(witkoff));
        assertEquals(List.of("envoy_appointed"), rules(appointed));
        assertEquals(AlertSeverity.INFO, appointed.get(0).severity());
        assertEquals("Steve Witkoff appointed special envoy of United States", appointed.get(0).summary());
        assertEquals(talks, appointed.get(0).negotiationId());

        UUID yermak = UUID.randomUUID();
        facts.predecessors.put("chief_negotiator", new AlertFacts.EnvoyFacts(yermak, "Andriy Yermak"));
        UUID otherTalks = UUID.randomUUID();
        facts.ongoing.put(ukraine, List.of(talks, otherTalks));
        List<AlertRules.Raised> replaced = evaluate(new EnvoyAppointed(envoy(ukraine, "Rustem Umerov", "chief_negotiator")));
        assertEquals(List.of("envoy_replaced", "envoy_replaced"), rules(replaced));
        assertEquals("Rustem Umerov replaces Andriy Yermak as chief negotiator of Ukraine", replaced.get(0).summary());
        assertEquals(List.of(talks, otherTalks), replaced.stream().map(AlertRules.Raised::negotiationId).toList());

        // A party in no ongoing negotiation: nobody to tell.
        assertEquals(List.of(), evaluate(new EnvoyAppointed(envoy(turkey, "Hakan Fidan", "official"))));
    }

    @Test
    void civilianDeathsAreCriticalAndInjuriesAWarning() {
        List<AlertRules.Raised> killed = evaluate(incident(talks, "missile_strike", "Kryvyi Rih", "Dnipropetrovsk", 3, 12, 1, 0, true));
        assertEquals(List.of("civilians_killed"), rules(killed));
        assertEquals(AlertSeverity.CRITICAL, killed.get(0).severity());
        assertEquals("Missile strike in Kryvyi Rih, Dnipropetrovsk: 3 civilians killed (including 1 child), 12 injured; attributed to Russia",
                killed.get(0).summary());
        assertEquals(List.of(russia), killed.get(0).partyIds());

        List<AlertRules.Raised> injured = evaluate(incident(talks, "drone_strike", "Odesa", null, 0, 5, 0, 0, true));
        assertEquals(List.of("civilians_injured"), rules(injured));
        assertEquals(AlertSeverity.WARNING, injured.get(0).severity());
        assertEquals("Drone strike in Odesa: 5 civilians injured; attributed to Russia", injured.get(0).summary());

        // Children are civilians even when the report does not say whether the others were.
        assertEquals("Shelling in Kherson: 2 children killed; attributed to Russia",
                evaluate(incident(talks, "shelling", "Kherson", null, 2, 0, 2, 0, null)).get(0).summary());
        assertEquals(List.of(), evaluate(incident(talks, "artillery", "Kherson", null, 4, 0, 0, 0, null)));
        assertEquals(List.of(), evaluate(incident(talks, "missile_strike", "Kyiv", null, 0, 0, 0, 0, true)));
        assertEquals(List.of(), evaluate(incident(null, "missile_strike", "Kyiv", null, 3, 0, 0, 0, true)));
    }

    private List<AlertRules.Raised> evaluate(ParleyEvent event) {
        return AlertRules.evaluate(event, "event-1", facts);
    }

    private static List<String> rules(List<AlertRules.Raised> raised) {
        return raised.stream().map(AlertRules.Raised::rule).toList();
    }

    // Events are built from JSON, as a consumer reads them, so that fields this test does not care about may change.
    private static <T> T event(Class<T> type, Map<String, Object> fields) {
        return JSON.convertValue(fields, type);
    }

    private static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private PositionRecorded position(UUID party, UUID clause, String status, String previous) {
        return event(PositionRecorded.class, fields("positionId", UUID.randomUUID(), "negotiationId", talks, "partyId", party,
                "proposalId", proposal, "clauseId", clause, "status", status, "previousStatus", previous,
                "recordedAt", NOW.toString(), "recordedBy", "desk"));
    }

    private ProposalStatusChanged proposalStatus(String previous, String status) {
        return event(ProposalStatusChanged.class, fields("negotiationId", talks, "proposalId", proposal,
                "previousStatus", previous, "status", status, "changedAt", NOW.toString()));
    }

    private MeetingScheduled meetingScheduled(UUID meeting, String status) {
        return event(MeetingScheduled.class, fields("meeting", fields("id", meeting, "negotiationId", talks, "title", "ignored",
                "startsAt", NOW.toString(), "status", status, "updatedAt", NOW.toString())));
    }

    private MeetingStatusChanged meetingStatus(UUID meeting, String previous, String status) {
        return event(MeetingStatusChanged.class, fields("negotiationId", talks, "meetingId", meeting,
                "previousStatus", previous, "status", status, "changedAt", NOW.toString()));
    }

    private static EnvoyData envoy(UUID party, String name, String role) {
        return event(EnvoyData.class, fields("id", UUID.randomUUID(), "partyId", party, "fullName", name, "aliases", List.of(),
                "role", role, "mandateFrom", "2025-11-01", "updatedAt", NOW.toString()));
    }

    private IncidentRecorded incident(UUID negotiation, String kind, String city, String region, int killed, int injured,
                                      int childrenKilled, int childrenInjured, Boolean civilian) {
        return event(IncidentRecorded.class, fields("incidentId", UUID.randomUUID(), "negotiationId", negotiation, "kind", kind,
                "place", fields("city", city, "region", region), "attributedPartyId", russia,
                "casualties", fields("killed", killed, "injured", injured, "childrenKilled", childrenKilled,
                        "childrenInjured", childrenInjured, "civilian", civilian),
                "recordedAt", NOW.toString()));
    }

    /** The negotiation's state, in memory. */
    private static final class Facts implements AlertFacts {

        final Map<UUID, String> names = new HashMap<>();
        final Map<UUID, AlertFacts.ProposalFacts> proposals = new HashMap<>();
        final Map<UUID, AlertFacts.ClauseFacts> clauses = new HashMap<>();
        final Map<UUID, AlertFacts.MeetingFacts> meetings = new HashMap<>();
        final Map<UUID, List<UUID>> principals = new HashMap<>();
        final Map<UUID, Map<UUID, String>> statuses = new HashMap<>();
        final Map<UUID, List<UUID>> ongoing = new HashMap<>();
        final Map<String, AlertFacts.EnvoyFacts> predecessors = new HashMap<>();
        int statusLookups;

        UUID party(String name) {
            UUID id = UUID.randomUUID();
            names.put(id, name);
            return id;
        }

        void status(UUID clause, UUID party, String status) {
            statuses.computeIfAbsent(clause, c -> new HashMap<>()).put(party, status);
        }

        @Override
        public String partyName(UUID partyId) {
            return names.getOrDefault(partyId, "an unknown party");
        }

        @Override
        public Optional<AlertFacts.ProposalFacts> proposal(UUID proposalId) {
            return Optional.ofNullable(proposals.get(proposalId));
        }

        @Override
        public Optional<AlertFacts.ClauseFacts> clause(UUID clauseId) {
            return Optional.ofNullable(clauses.get(clauseId));
        }

        @Override
        public Optional<AlertFacts.MeetingFacts> meeting(UUID meetingId) {
            return Optional.ofNullable(meetings.get(meetingId));
        }

        @Override
        public List<UUID> principals(UUID negotiationId) {
            return principals.getOrDefault(negotiationId, List.of());
        }

        @Override
        public Map<UUID, String> clauseStatuses(UUID clauseId, Collection<UUID> partyIds) {
            statusLookups++;
            Map<UUID, String> found = new HashMap<>(statuses.getOrDefault(clauseId, Map.of()));
            found.keySet().retainAll(new ArrayList<>(partyIds));
            return found;
        }

        @Override
        public List<UUID> ongoingNegotiationsOf(UUID partyId) {
            return ongoing.getOrDefault(partyId, List.of());
        }

        @Override
        public Optional<AlertFacts.EnvoyFacts> predecessor(EnvoyData appointed) {
            return Optional.ofNullable(predecessors.get(appointed.role()));
        }
    }
}
