package org.parley.negotiation;

import io.cloudevents.CloudEvent;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.parley.events.Topic;
import org.parley.events.party.EnvoyAppointed;
import org.parley.events.party.EnvoyData;
import org.parley.events.party.PartyData;
import org.parley.events.party.PartyRegistered;
import org.parley.events.party.PartyRemoved;
import org.parley.events.party.PartyUpdated;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.negotiation.Fixtures.count;
import static org.parley.negotiation.Fixtures.negotiationBody;
import static org.parley.negotiation.Fixtures.post;

/** The local copy of parties and envoys, fed from parley.parties.v1 through the inbox. */
@QuarkusTest
class PartyCopyTest {

    static final String SOURCE = "parley/party-service";

    static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(deadline), "timed out waiting until " + what);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static String partyName(UUID id) {
        try (var c = Fixtures.database(); var s = c.prepareStatement("select name from known_party where id = ?")) {
            s.setObject(1, id);
            try (var r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An envoy event on the same key lands after everything sent before it for that party: a barrier. */
    static void barrier(UUID party) {
        UUID envoy = UUID.randomUUID();
        TestKafka.publish(new EnvoyAppointed(new EnvoyData(envoy, party, "Marker " + envoy, List.of(), null, "official",
                null, null, Instant.now(), 0)), SOURCE);
        await("the marker envoy is applied", () -> count("select count(*) from known_envoy where id = ?", envoy) == 1);
    }

    @Test
    void partiesArriveOnceInOrderAndLeave() {
        UUID party = UUID.randomUUID();
        // All in the past, as party-service's updatedAt always precedes the events that follow it.
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MICROS).minusSeconds(60);
        CloudEvent registered = TestKafka.publish(new PartyRegistered(new PartyData(party, "ua-" + party, "Ukraine", "state", "UA",
                "belligerent", t0, 0)), SOURCE);
        await("the party is accepted as a participant", () ->
                post("/api/v1/negotiations", negotiationBody(Map.of(party, "principal"))).extract().statusCode() == 201);

        // Newer, then older: the older version is ignored, though its instance's clock ran ahead.
        TestKafka.publish(new PartyUpdated(new PartyData(party, "ua", "Ukraine (renamed)", "state", "UA", "belligerent", t0.plusSeconds(20), 2)), SOURCE);
        TestKafka.publish(new PartyUpdated(new PartyData(party, "ua", "Stale name", "state", "UA", "belligerent", t0.plusSeconds(90), 1)), SOURCE);
        barrier(party);
        assertEquals("Ukraine (renamed)", partyName(party));

        // The same CloudEvent again (same id): the inbox skips it; nothing changes.
        long inbox = count("select count(*) from event_inbox where event_id = ?", registered.getId());
        long applied = count("select extract(epoch from applied_at) * 1000000 from known_party where id = ?", party);
        TestKafka.send(Topic.PARTIES, party.toString(), registered);
        barrier(party);
        assertEquals(1, inbox);
        assertEquals(inbox, count("select count(*) from event_inbox where event_id = ?", registered.getId()));
        assertEquals(applied, count("select extract(epoch from applied_at) * 1000000 from known_party where id = ?", party));
        assertEquals("Ukraine (renamed)", partyName(party));

        // A later version from an instance whose clock lags still applies.
        TestKafka.publish(new PartyUpdated(new PartyData(party, "ua", "Ukraine (v3)", "state", "UA", "belligerent", t0.plusSeconds(5), 3)), SOURCE);
        barrier(party);
        assertEquals("Ukraine (v3)", partyName(party));

        // Removed, though the removal's time is older than the last update's (clock skew): a write naming it
        // is refused, and an older update arriving late does not bring it back.
        TestKafka.publishAt(new PartyRemoved(party, "ua", 4), SOURCE, t0);
        await("the party is removed", () -> count("select count(*) from known_party where id = ? and removed", party) == 1);
        post("/api/v1/negotiations", negotiationBody(Map.of(party, "principal"))).statusCode(422).body("detail", containsString(party.toString()));
        TestKafka.publish(new PartyUpdated(new PartyData(party, "ua", "Zombie", "state", "UA", "belligerent", Instant.now().plusSeconds(3600), 3)), SOURCE);
        barrier(party);
        assertEquals(1, count("select count(*) from known_party where id = ? and removed", party));
    }

    @Test
    void envoysBecomeKnownForMeetings() {
        UUID party = UUID.randomUUID(), envoy = UUID.randomUUID();
        TestKafka.publish(new PartyRegistered(new PartyData(party, "us-" + party, "United States", "state", "US", "mediator", Instant.now(), 0)), SOURCE);
        TestKafka.publish(new EnvoyAppointed(new EnvoyData(envoy, party, "Steve Witkoff", List.of("Witkoff"), "Special Envoy",
                "special_envoy", null, null, Instant.now(), 0)), SOURCE);
        await("the envoy is known", () -> count("select count(*) from known_envoy where id = ? and full_name = 'Steve Witkoff'", envoy) == 1);
    }
}
