package org.parley.gateway.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.parley.gateway.routing.RoutingTable;

public class RoutingTableProducer {

    @Produces
    @Singleton
    RoutingTable routingTable() {
        return RoutingTable.parley();
    }
}
