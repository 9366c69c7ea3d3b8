package org.parley.gateway.routing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RoutingTableTest {

    @ParameterizedTest(name = "{0} belongs to {1}")
    @CsvSource({
            "/api/v1/parties, party-service",
            "/api/v1/parties/{partyId}, party-service",
            "/api/v1/envoys, party-service",
            "/api/v1/negotiations/{id}/timeline, negotiation-service",
            "/api/v1/alerts, negotiation-service",
            "/api/v1/alerts/{alertId}, negotiation-service",
            "/api/v1/alerts/stream, gateway",
            "/api/v1/partiesx, negotiation-service",
            "/api/v1, negotiation-service",
            "/api/v10/parties, gateway",
            "/openapi, gateway",
            "/q/health/ready, gateway"})
    void theLongestMatchingPrefixOnWholeSegmentsDecides(String path, String owner) {
        assertEquals(owner, RoutingTable.parley().ownerOf(path));
    }
}
