package org.parley.party;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.parley.devstack.DevStackTestResource;

/** Every test of this module runs against the JVM's shared real Kafka and PostgreSQL, in the party database. */
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "party"))
public final class DevStackResources {

    private DevStackResources() {
    }
}
