package org.parley.fault;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The keys one fault writes to, fresh for each fault so that its figures are its own: two parties (keys of
 * {@code parley.parties.v1}) and two negotiations between them (keys of {@code parley.negotiations.v1} and
 * {@code parley.alerts.v1}).
 */
record Scenario(String fault, List<String> parties, List<String> negotiations) {

    static Scenario create(String fault, List<String> gateways) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String first = Api.eventually(gateways.get(0), "POST", "/api/v1/parties", Api.party("f" + tag + "-a", fault + " party A")).id();
        String second = Api.eventually(gateways.get(1), "POST", "/api/v1/parties", Api.party("f" + tag + "-b", fault + " party B")).id();
        List<Map<String, String>> principals = List.of(Map.of("partyId", first, "role", "principal"), Map.of("partyId", second, "role", "principal"));
        // The first waits until negotiation-service has copied both parties from parley.parties.v1.
        String talksA = Api.eventually(gateways.get(0), "POST", "/api/v1/negotiations", Map.of("title", fault + " talks A", "parties", principals)).id();
        String talksB = Api.eventually(gateways.get(1), "POST", "/api/v1/negotiations", Map.of("title", fault + " talks B", "parties", principals)).id();
        return new Scenario(fault, List.of(first, second), List.of(talksA, talksB));
    }

    List<String> keys() {
        return java.util.stream.Stream.concat(parties.stream(), negotiations.stream()).toList();
    }
}
