package org.parley.negotiation;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The operator's handle on parked events (event-bus-quarkus), on the service's own port. */
@QuarkusTest
class ParkedEventsRouteTest {

    @Test
    void aParkedOutboxRowIsListedAndDiscardedAndItsKeyGoesOn() throws Exception {
        UUID eventId = UUID.randomUUID();
        try (var c = Fixtures.database(); var s = c.prepareStatement("""
                INSERT INTO event_outbox_parked (sequence, id, topic, message_key, event_type, source, subject, data_schema,
                                                 payload, created_at, reason)
                VALUES (-1 * (extract(epoch from clock_timestamp()) * 1000000)::bigint, ?, 'parley.negotiations.v1', 'k', 't', 's', 'x', 'd', '{}', now(),
                        'RecordTooLargeException: too large')""")) {
            s.setObject(1, eventId);
            s.executeUpdate();
        }
        given().when().get("/q/event-bus/parked").then().statusCode(200)
                .body("outbox.eventId", hasItem(eventId.toString()));
        given().when().delete("/q/event-bus/parked/outbox/" + eventId).then().statusCode(204);
        given().when().delete("/q/event-bus/parked/outbox/" + eventId).then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/q/event-bus/parked").then().statusCode(200)
                .body("outbox.eventId", not(hasItem(eventId.toString())));
        assertEquals(0, Fixtures.count("select count(*) from event_outbox_parked where id = ?", eventId));
        given().when().post("/q/event-bus/parked/outbox/not-a-uuid/retry").then().statusCode(400)
                .body("detail", equalTo("eventId must be a UUID"));
    }
}
