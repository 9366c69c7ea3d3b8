package org.parley.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the figures read and write, created through the API as a client would: four parties, a negotiation
 * between them, and proposals of 20 clauses with a position of every party on every clause (the board of
 * issue 15: 20 clauses × 4 parties).
 */
final class Fixture {

    static final int CLAUSES = 20;
    static final int PARTIES = 4;

    /** One proposal's board: its clauses and the parties, each with a position on every clause. */
    record Board(String proposalId, List<String> clauseIds) {
    }

    final String negotiationId;
    final List<String> partyIds;
    private final Api api;
    private final URI gateway;

    private Fixture(Api api, URI gateway, String negotiationId, List<String> partyIds) {
        this.api = api;
        this.gateway = gateway;
        this.negotiationId = negotiationId;
        this.partyIds = partyIds;
    }

    static Fixture create(Api api, URI gateway) {
        List<String> parties = new ArrayList<>();
        for (int i = 0; i < PARTIES; i++) {
            String slug = "bench-" + (char) ('a' + i);
            parties.add(api.write("POST", gateway.resolve("/api/v1/parties"), Map.of("slug", slug, "name", "Bench party " + slug,
                    "kind", "state", "conflictRole", "belligerent"), null).body().path("id").asText());
        }
        List<Map<String, String>> negotiating = parties.stream().map(p -> Map.of("partyId", p, "role", "principal")).toList();
        String negotiation = api.write("POST", gateway.resolve("/api/v1/negotiations"),
                Map.of("title", "Benchmark talks", "status", "active", "parties", negotiating), null).body().path("id").asText();
        return new Fixture(api, gateway, negotiation, parties);
    }

    /** A proposal with {@link #CLAUSES} clauses and a position of every party on each. */
    Board board(String title) {
        String proposal = api.write("POST", gateway.resolve("/api/v1/proposals"), Map.of("negotiationId", negotiationId, "title", title,
                "sponsorPartyId", partyIds.get(0), "version", 1, "status", "tabled", "sources", sources()), null).body().path("id").asText();
        List<String> clauses = new ArrayList<>();
        for (int c = 1; c <= CLAUSES; c++) {
            clauses.add(api.write("POST", gateway.resolve("/api/v1/proposals/" + proposal + "/clauses"),
                    Map.of("label", String.valueOf(c), "heading", "Clause " + c, "topic", "ceasefire"), null).body().path("id").asText());
        }
        for (String clause : clauses) {
            for (String party : partyIds) {
                api.write("PUT", position(gateway, clause, party), Map.of("status", "under_review", "sources", sources()), null);
            }
        }
        return new Board(proposal, clauses);
    }

    static URI position(URI base, String clause, String party) {
        return base.resolve("/api/v1/clauses/" + clause + "/positions/" + party);
    }

    static List<Map<String, String>> sources() {
        return List.of(Map.of("publication", "Parley benchmark", "attribution", "the benchmark"));
    }
}
