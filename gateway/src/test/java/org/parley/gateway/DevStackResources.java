package org.parley.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import org.parley.devstack.DevStackTestResource;

/** Every test of this module runs against the JVM's shared real Kafka (the gateway has no database of its own). */
@QuarkusTestResource(DevStackTestResource.class)
public final class DevStackResources {

    private DevStackResources() {
    }
}
