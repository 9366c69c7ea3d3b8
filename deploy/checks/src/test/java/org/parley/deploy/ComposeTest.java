package org.parley.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** deploy/compose/compose.yaml passes the Compose specification's schema, and runs what Kubernetes runs. */
class ComposeTest {

    @Test
    void composeFilePassesTheComposeSchema() {
        assertEquals(List.of(), ComposeSchema.validate(Compose.file()));
    }

    @Test
    void composeRunsKafkaPostgresAndTheThreeServices() {
        Set<String> services = Set.copyOf(iterable(Compose.file().path("services").fieldNames()));
        assertTrue(services.containsAll(Set.of("kafka", "kafka-topics", "postgres", "party-service", "negotiation-service", "gateway")), services.toString());
        assertEquals("broker,controller", Compose.file().path("services").path("kafka").path("environment").path("KAFKA_PROCESS_ROLES").asText(), "KRaft");
    }

    @Test
    void aMisspelledOrMistypedFieldFailsTheSchema() {
        ObjectNode misspelled = Compose.file();
        ((ObjectNode) misspelled.path("services").path("gateway")).set("enviroment", misspelled.path("services").path("gateway").path("environment"));
        assertFalse(ComposeSchema.validate(misspelled).isEmpty());

        ObjectNode mistyped = Compose.file();
        ((ObjectNode) mistyped.path("services").path("gateway")).put("read_only", "very");
        assertFalse(ComposeSchema.validate(mistyped).isEmpty());
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
