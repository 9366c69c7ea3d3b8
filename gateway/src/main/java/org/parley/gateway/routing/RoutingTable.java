package org.parley.gateway.routing;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which service owns which path. The longest matching prefix wins, so that a more specific entry (a path
 * the gateway serves itself, such as the alert stream) can carve an exception out of a broader one.
 * The OpenAPI merge checks every service's document against this table, so a path a service documents
 * is always a path the gateway routes to it.
 */
public final class RoutingTable {

    public static final String GATEWAY = "gateway";
    public static final String PARTY_SERVICE = "party-service";
    public static final String NEGOTIATION_SERVICE = "negotiation-service";

    /** A path prefix, matched on whole segments: {@code /api/v1/parties} matches {@code /api/v1/parties/ru} but not {@code /api/v1/partiesx}. */
    public record Route(String prefix, String owner) {

        boolean matches(String path) {
            return path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
        }
    }

    private final List<Route> routes;

    public RoutingTable(List<Route> routes) {
        this.routes = routes.stream().sorted(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed()).toList();
    }

    /** Parley's routes. */
    public static RoutingTable parley() {
        return new RoutingTable(List.of(
                // Served by the gateway itself (issue 7): a live stream of alerts from Kafka.
                new Route("/api/v1/alerts/stream", GATEWAY),
                new Route("/api/v1/parties", PARTY_SERVICE),
                new Route("/api/v1/envoys", PARTY_SERVICE),
                new Route("/api/v1", NEGOTIATION_SERVICE)));
    }

    /** The owner of a path; paths outside every route (/openapi, /q/health, ...) belong to the gateway. */
    public String ownerOf(String path) {
        return find(path).map(Route::owner).orElse(GATEWAY);
    }

    public Optional<Route> find(String path) {
        return routes.stream().filter(route -> route.matches(path)).findFirst();
    }

    public List<Route> routes() {
        return routes;
    }
}
