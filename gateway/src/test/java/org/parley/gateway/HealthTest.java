package org.parley.gateway;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class HealthTest {

    @Test
    void readinessReportsEachServiceBehindTheGatewayAndKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("party-service", "negotiation-service", "Kafka connection health check"))
                .body("checks.find { it.name == 'party-service' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'negotiation-service' }.status", equalTo("UP"));
    }

    @Test
    void metricsAreExposedForPrometheus() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }
}
