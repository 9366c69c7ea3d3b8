package org.parley.negotiation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.parley.events.Topic;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.parley.negotiation.Fixtures.post;

/** What the statement, incident and timeline tests share: article sources, a meeting, and the events published. */
final class StatementTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StatementTestSupport() {
    }

    static Map<String, Object> source(String attribution) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("publication", "Associated Press");
        source.put("url", "https://apnews.com/article/russia-ukraine-war-putin-witkoff-kushner");
        source.put("publishedOn", "2024-03-15");
        source.put("attribution", attribution);
        return source;
    }

    static UUID meeting(UUID negotiation, String startsAt, List<UUID> envoys, List<UUID> parties) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("negotiationId", negotiation.toString());
        body.put("title", "Witkoff and Kushner meet Putin at the Kremlin");
        body.put("startsAt", startsAt);
        body.put("duration", "PT5H");
        body.put("location", Map.of("city", "Moscow", "venue", "The Kremlin"));
        body.put("format", "in_person");
        body.put("status", "held");
        body.put("participantEnvoyIds", envoys.stream().map(UUID::toString).toList());
        body.put("partyIds", parties.stream().map(UUID::toString).toList());
        body.put("sources", List.of(source(null)));
        return UUID.fromString(post("/api/v1/meetings", body).statusCode(201).extract().path("id"));
    }

    /** The event published about this subject with this type, read with {@link TestKafka}; fails if none comes. */
    static Received event(String type, Object subject) {
        List<TestKafka.Published> found = TestKafka.read(Topic.NEGOTIATIONS,
                p -> type.equals(p.type()) && subject.toString().equals(p.subject()), list -> !list.isEmpty());
        if (found.isEmpty()) {
            throw new AssertionError("No " + type + " event about " + subject + " on " + Topic.NEGOTIATIONS.topicName());
        }
        try {
            return new Received(found.get(0).key(), JSON.readTree(found.get(0).data()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    record Received(String key, JsonNode data) {
    }
}
