package org.parley.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import org.parley.devstack.DevStackTestResource;

/**
 * Every test of this module runs against the JVM's shared real Kafka (the gateway has no database), and
 * against the real party-service and negotiation-service, launched from their packaged jars.
 */
@QuarkusTestResource(value = DevStackTestResource.class)
@QuarkusTestResource(value = ParleyServicesResource.class)
public final class DevStackResources {

    private DevStackResources() {
    }
}
