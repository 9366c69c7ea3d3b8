package org.parley.gateway.routing;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.parley.gateway.config.GatewayConfig;

import java.util.List;

/** Puts the API proxy on Quarkus' HTTP router, configured from {@link GatewayConfig}. */
@ApplicationScoped
public class ProxyRoutes {

    private ApiProxy proxy;

    void install(@Observes Router router, Vertx vertx, GatewayConfig config, RoutingTable table) {
        proxy = new ApiProxy(vertx, table, downstreams(config), config.connectTimeout(),
                new ApiProxy.ConnectionPool(config.connectionPoolSize(), config.connectionKeepAlive()));
        proxy.install(router);
    }

    void close(@Observes ShutdownEvent event) {
        if (proxy != null) {
            proxy.close();
        }
    }

    public static List<ApiProxy.Downstream> downstreams(GatewayConfig config) {
        return List.of(
                new ApiProxy.Downstream(RoutingTable.PARTY_SERVICE, config.partyService().url(), config.partyService().timeout()),
                new ApiProxy.Downstream(RoutingTable.NEGOTIATION_SERVICE, config.negotiationService().url(), config.negotiationService().timeout()));
    }
}
