package org.parley.sdk;

import org.parley.devstack.RunningParley;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.sdk.api.ApiDescriptionApi;
import org.parley.sdk.api.ClausesApi;
import org.parley.sdk.api.EnvoysApi;
import org.parley.sdk.api.ExportApi;
import org.parley.sdk.api.MeetingsApi;
import org.parley.sdk.api.NegotiationsApi;
import org.parley.sdk.api.PartiesApi;
import org.parley.sdk.api.ProposalsApi;
import org.parley.sdk.model.Clause;
import org.parley.sdk.model.ClauseInput;
import org.parley.sdk.model.ClausePositionInput;
import org.parley.sdk.model.ClauseTopic;
import org.parley.sdk.model.Envoy;
import org.parley.sdk.model.EnvoyInput;
import org.parley.sdk.model.EnvoyRole;
import org.parley.sdk.model.ExportFormat;
import org.parley.sdk.model.Meeting;
import org.parley.sdk.model.MeetingFormat;
import org.parley.sdk.model.MeetingInput;
import org.parley.sdk.model.MeetingLocation;
import org.parley.sdk.model.MeetingStatus;
import org.parley.sdk.model.NegotiatingParty;
import org.parley.sdk.model.Negotiation;
import org.parley.sdk.model.NegotiationInput;
import org.parley.sdk.model.ParticipantRole;
import org.parley.sdk.model.Party;
import org.parley.sdk.model.PartyConflictRole;
import org.parley.sdk.model.PartyInput;
import org.parley.sdk.model.PartyKind;
import org.parley.sdk.model.Position;
import org.parley.sdk.model.PositionChangeRow;
import org.parley.sdk.model.PositionStatus;
import org.parley.sdk.model.Problem;
import org.parley.sdk.model.Proposal;
import org.parley.sdk.model.ProposalBoard;
import org.parley.sdk.model.ProposalBoardCell;
import org.parley.sdk.model.ProposalBoardRow;
import org.parley.sdk.model.ProposalInput;
import org.parley.sdk.model.ProposalPositionInput;
import org.parley.sdk.model.ProposalStatus;
import org.parley.sdk.model.Source;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The seed article's first scenario, driven through the Java SDK generated from docs/openapi.yaml against
 * the running gateway, the only address the client knows. The steps build on each other, in order.
 */
@ExtendWith(RunningParley.class)
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ParleyScenarioTest {

    private static final Source REUTERS = new Source().publication("Reuters").url("https://www.reuters.com/world/europe/example")
            .publishedOn(LocalDate.of(2025, 12, 3));
    private static final Source KREMLIN = new Source().publication("Reuters").attribution("Vladimir Putin")
            .publishedOn(LocalDate.of(2025, 11, 27));

    private static ApiClient client;
    private static PartiesApi parties;
    private static EnvoysApi envoys;
    private static NegotiationsApi negotiations;
    private static MeetingsApi meetings;
    private static ProposalsApi proposals;
    private static ClausesApi clauses;

    private static Party us;
    private static Party russia;
    private static Party ukraine;
    private static Envoy witkoff;
    private static Envoy kushner;
    private static Envoy putin;
    private static Negotiation talks;
    private static Proposal plan;
    private static Clause armedForces;
    private static Clause territory;

    @BeforeAll
    static void connect() {
        client = new ApiClient();
        client.updateBaseUri(RunningParley.gatewayUrl());
        client.setReadTimeout(Duration.ofSeconds(30));
        // The scenario registers parties and envoys, which takes an admin.
        String token = RunningParley.token("admin");
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        parties = new PartiesApi(client);
        envoys = new EnvoysApi(client);
        negotiations = new NegotiationsApi(client);
        meetings = new MeetingsApi(client);
        proposals = new ProposalsApi(client);
        clauses = new ClausesApi(client);
    }

    @Test
    @Order(1)
    void createsPartiesAndEnvoys() throws ApiException {
        ApiResponse<Party> created = parties.createPartyWithHttpInfo(new PartyInput()
                .slug("us").name("United States").kind(PartyKind.STATE).isoCode("US").conflictRole(PartyConflictRole.MEDIATOR));
        assertEquals(201, created.getStatusCode());
        us = created.getData();
        assertEquals(RunningParley.gatewayUrl() + "/api/v1/parties/" + us.getId(), header(created, "location"),
                "Location names the gateway, not the service behind it");
        assertEquals(us, parties.getParty(us.getId()));

        russia = parties.createParty(new PartyInput().slug("ru").name("Russia").kind(PartyKind.STATE).isoCode("RU")
                .conflictRole(PartyConflictRole.BELLIGERENT));
        ukraine = parties.createParty(new PartyInput().slug("ua").name("Ukraine").kind(PartyKind.STATE).isoCode("UA")
                .conflictRole(PartyConflictRole.BELLIGERENT));

        witkoff = envoys.createEnvoy(new EnvoyInput().fullName("Steven Witkoff").partyId(us.getId()).role(EnvoyRole.SPECIAL_ENVOY)
                .title("U.S. Special Envoy for Peace Missions").aliases(List.of("Steve Witkoff")).mandateFrom(LocalDate.of(2025, 1, 20)));
        kushner = envoys.createEnvoy(new EnvoyInput().fullName("Jared Kushner").partyId(us.getId()).role(EnvoyRole.SPECIAL_ENVOY)
                .mandateFrom(LocalDate.of(2025, 11, 1)));
        putin = envoys.createEnvoy(new EnvoyInput().fullName("Vladimir Putin").partyId(russia.getId()).role(EnvoyRole.HEAD_OF_STATE)
                .title("President of Russia").mandateFrom(LocalDate.of(2000, 5, 7)));

        assertEquals("ru", parties.getPartyBySlug("ru").getSlug());
        assertEquals(2, envoys.listEnvoys(null, null, null, null, "us", null, null, 50, null, null).getItems().size());
    }

    @Test
    @Order(2)
    void createsANegotiationAMeetingAndAProposalWithClauses() throws ApiException {
        // negotiation-service learns of parties and envoys from party-service's events, a moment after they are created.
        talks = eventually(() -> negotiations.createNegotiation(new NegotiationInput()
                .title("Russia–Ukraine peace talks (U.S.-mediated)")
                .startedOn(LocalDate.of(2025, 11, 19))
                .parties(List.of(
                        new NegotiatingParty().partyId(russia.getId()).role(ParticipantRole.PRINCIPAL),
                        new NegotiatingParty().partyId(ukraine.getId()).role(ParticipantRole.PRINCIPAL),
                        new NegotiatingParty().partyId(us.getId()).role(ParticipantRole.MEDIATOR)))));
        assertEquals(talks.getId(), negotiations.getNegotiation(talks.getId()).getId());

        Meeting kremlin = eventually(() -> meetings.scheduleMeeting(new MeetingInput()
                .negotiationId(talks.getId())
                .title("Witkoff and Kushner meet Putin in the Kremlin")
                .startsAt(OffsetDateTime.of(2025, 12, 2, 16, 0, 0, 0, ZoneOffset.UTC))
                .duration("PT5H")
                .location(new MeetingLocation().city("Moscow").country("Russia").venue("The Kremlin"))
                .format(MeetingFormat.IN_PERSON)
                .status(MeetingStatus.HELD)
                .participantEnvoyIds(List.of(witkoff.getId(), kushner.getId(), putin.getId()))
                .partyIds(List.of(us.getId(), russia.getId()))
                .outcomeSummary("Five hours of talks; no compromise yet on territory")
                .sources(List.of(REUTERS))));
        assertEquals(MeetingStatus.HELD, meetings.getMeeting(kremlin.getId()).getStatus());

        plan = proposals.tableProposal(new ProposalInput()
                .negotiationId(talks.getId())
                .title("U.S. 28-point peace plan")
                .sponsorPartyId(us.getId())
                .version(1)
                .status(ProposalStatus.TABLED)
                .sources(List.of(REUTERS)));
        armedForces = proposals.addClause(plan.getId(), new ClauseInput().label("6").topic(ClauseTopic.MILITARY_LIMITS)
                .heading("Ukraine's armed forces").text("Ukraine's armed forces will be limited to 600,000 personnel."));
        territory = proposals.addClause(plan.getId(), new ClauseInput().label("21").topic(ClauseTopic.TERRITORY)
                .heading("Territories").text("Crimea, Luhansk and Donetsk will be recognised as de facto Russian."));

        assertEquals(List.of("6", "21"), proposals.listClauses(plan.getId(), null, null, null, 50, null, null).getItems().stream()
                .map(clause -> clause.getLabel()).toList());
        // Page by page, following nextPageToken (AIP-158), in the order the clauses were last written (the sync walk).
        var first = proposals.listClauses(plan.getId(), null, null, null, 1, "changes", null);
        var second = proposals.listClauses(plan.getId(), null, null, first.getNextPageToken(), 1, "changes", null);
        assertEquals(java.util.Set.of("6", "21"), java.util.Set.of(first.getItems().get(0).getLabel(), second.getItems().get(0).getLabel()));
        assertNull(second.getNextPageToken(), "the last page has no next token");
    }

    @Test
    @Order(3)
    void recordsPositionsWithETagsAndIfMatch() throws ApiException {
        ApiResponse<Position> first = clauses.recordClausePositionWithHttpInfo(armedForces.getId(), ukraine.getId(),
                new ClausePositionInput().status(PositionStatus.CONTESTED).note("Rejects any limit on the size of its army")
                        .sources(List.of(REUTERS)).recordedBy("desk.kyiv"), null);
        String etag = header(first, "etag");

        Position changed = clauses.recordClausePosition(armedForces.getId(), ukraine.getId(),
                new ClausePositionInput().status(PositionStatus.ACCEPTED_WITH_RESERVATIONS).note("800,000 could be discussed")
                        .sources(List.of(REUTERS)).recordedBy("desk.kyiv"), etag);
        assertEquals(PositionStatus.ACCEPTED_WITH_RESERVATIONS, changed.getStatus());

        ApiException stale = assertThrows(ApiException.class, () -> clauses.recordClausePosition(armedForces.getId(), ukraine.getId(),
                new ClausePositionInput().status(PositionStatus.REJECTED).sources(List.of(REUTERS)).recordedBy("desk.kyiv"), etag));
        assertEquals(412, stale.getCode(), "a write based on a stale ETag is refused");
        assertEquals(PositionStatus.ACCEPTED_WITH_RESERVATIONS, clauses.getClausePosition(armedForces.getId(), ukraine.getId()).getStatus());

        clauses.recordClausePosition(territory.getId(), ukraine.getId(),
                new ClausePositionInput().status(PositionStatus.REJECTED).sources(List.of(REUTERS)).recordedBy("desk.kyiv"), null);
        // Putin: "certain elements" are unacceptable, without saying which.
        proposals.recordProposalPosition(plan.getId(), russia.getId(),
                new ProposalPositionInput().status(PositionStatus.CONTESTED).note("Certain elements are unacceptable")
                        .sources(List.of(KREMLIN)).recordedBy("desk.moscow"), null);

        assertEquals(2, clauses.getClausePositionHistory(armedForces.getId(), ukraine.getId(), null, null, null, 50, null, null).getItems().size(),
                "every change is kept");
    }

    @Test
    @Order(4)
    void readsTheBoard() throws ApiException {
        ProposalBoard board = proposals.getProposalBoard(plan.getId());

        assertEquals(plan.getId(), board.getProposalId());
        assertEquals(List.of(armedForces.getId(), territory.getId()), board.getClauses().stream().map(ProposalBoardRow::getClauseId).toList());
        assertEquals(PositionStatus.ACCEPTED_WITH_RESERVATIONS, cell(board.getClauses().get(0), ukraine.getId()).getStatus());
        assertEquals(PositionStatus.REJECTED, cell(board.getClauses().get(1), ukraine.getId()).getStatus());
        ProposalBoardCell kremlin = board.getProposalPositions().stream()
                .filter(c -> russia.getId().equals(c.getPartyId())).findFirst().orElseThrow();
        assertEquals(PositionStatus.CONTESTED, kremlin.getStatus());
        assertFalse(Boolean.TRUE.equals(kremlin.getClausesDisclosed()), "the clauses Russia objects to are undisclosed");
    }

    @Test
    @Order(5)
    void readsAProblemForABadRequest() throws JsonProcessingException {
        ApiException invalid = assertThrows(ApiException.class, () -> parties.createParty(new PartyInput()
                .slug("Not A Slug!").name("Nowhere").kind(PartyKind.STATE).conflictRole(PartyConflictRole.OBSERVER)));

        assertEquals(400, invalid.getCode());
        assertTrue(invalid.getResponseHeaders().firstValue("content-type").orElse("").startsWith("application/problem+json"));
        Problem problem = client.getObjectMapper().readValue(invalid.getResponseBody(), Problem.class);
        assertEquals(400, problem.getStatus());
        assertTrue(problem.getViolations().stream().anyMatch(v -> "slug".equals(v.getField())), invalid.getResponseBody());

        ApiException missing = assertThrows(ApiException.class, () -> negotiations.getNegotiation(UUID.randomUUID()));
        assertEquals(404, missing.getCode());
        assertEquals(404, client.getObjectMapper().readValue(missing.getResponseBody(), Problem.class).getStatus());
    }

    @Test
    @Order(6)
    void readsTheApiDescriptionThroughTheGateway() throws ApiException {
        Object document = new ApiDescriptionApi(client).getApiDescription(null);
        assertEquals("Parley API", ((Map<?, ?>) ((Map<?, ?>) document).get("info")).get("title"));
    }

    private static ProposalBoardCell cell(ProposalBoardRow row, UUID partyId) {
        return row.getCells().stream().filter(c -> partyId.equals(c.getPartyId())).findFirst()
                .orElseThrow(() -> new AssertionError("no cell for " + partyId + " in " + row));
    }

    private static String header(ApiResponse<?> response, String name) {
        return response.getHeaders().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0)).findFirst().orElseThrow(() -> new AssertionError("no " + name + " header"));
    }

    private interface Call<T> {
        T call() throws ApiException;
    }

    /** Retries while the answer is 422 unknown-reference, the sign that party-service's events have not arrived yet. */
    private static <T> T eventually(Call<T> call) throws ApiException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            try {
                return call.call();
            } catch (ApiException e) {
                if (e.getCode() != 422 || Instant.now().isAfter(deadline)) {
                    throw e;
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    @Test
    @Order(7)
    void exportsTheHistoryOfPositionsAsNdjsonAndCsv() throws Exception {
        ExportApi export = new ExportApi(client);
        // The export is a download: the client writes the body to a file, whatever its size.
        java.io.File ndjson = export.exportPositionChanges(null, null, null, talks.getId(), ukraine.getId(), null, null, null);
        List<PositionChangeRow> rows = new java.util.ArrayList<>();
        for (String line : java.nio.file.Files.readAllLines(ndjson.toPath())) {
            rows.add(client.getObjectMapper().readValue(line, PositionChangeRow.class));
        }
        assertEquals(List.of(PositionStatus.CONTESTED, PositionStatus.ACCEPTED_WITH_RESERVATIONS, PositionStatus.REJECTED),
                rows.stream().map(PositionChangeRow::getStatus).toList(), "Ukraine's changes, in the order recorded");
        assertEquals(REUTERS.getUrl(), rows.get(0).getSources().get(0).getUrl(), "each row carries its sources");

        java.io.File csv = export.exportPositionChanges(null, ExportFormat.CSV, null, talks.getId(), ukraine.getId(), null, null, null);
        List<String> lines = java.nio.file.Files.readAllLines(csv.toPath());
        assertTrue(lines.get(0).startsWith("sequence,positionId,negotiationId"), lines.get(0));
        assertEquals(1 + rows.size(), lines.size(), "a header and one line per change (no note here spans lines)");
    }
}
