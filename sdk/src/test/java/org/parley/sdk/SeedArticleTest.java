package org.parley.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.devstack.RunningParley;
import org.parley.devstack.ScenarioLoader;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed article, loaded through the gateway exactly as {@code ./parley run} loads it, and read back
 * as a policy desk would: the story's facts, each with its source.
 */
@Order(2)
@ExtendWith(RunningParley.class)
class SeedArticleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ScenarioLoader loader;
    private static Map<String, Integer> countsAfterFirstLoad;

    @BeforeAll
    static void loadOnce() throws Exception {
        loader = new ScenarioLoader(URI.create(RunningParley.gatewayUrl()), RunningParley.token("admin"));
        loader.load(ScenarioLoader.bundledSeedArticle());
        countsAfterFirstLoad = counts();
    }

    @Test
    void loadingTwiceCreatesNothingNew() throws Exception {
        ScenarioLoader again = new ScenarioLoader(URI.create(RunningParley.gatewayUrl()), RunningParley.token("admin"));
        ScenarioLoader.Result second = again.load(ScenarioLoader.bundledSeedArticle());

        assertEquals(0, second.created(), "a second load finds everything it would create");
        assertEquals(countsAfterFirstLoad, counts());
        assertEquals(loader.ref("meeting.kremlin"), again.ref("meeting.kremlin"), "the same records are found again");
    }

    @Test
    void theKremlinMeetingLastedFiveHours() throws Exception {
        JsonNode meeting = get("/api/v1/meetings/" + loader.ref("meeting.kremlin"));
        assertEquals("PT5H", meeting.path("duration").asText());
        assertEquals("2024-03-12T00:00:00Z", meeting.path("startsAt").asText());
        assertEquals("exact_day", meeting.path("startPrecision").asText(), "the article gives the day, not the hour");
        assertEquals("The Kremlin", meeting.path("location").path("venue").asText());
        assertEquals("held", meeting.path("status").asText());
        assertEquals(3, meeting.path("participantEnvoyIds").size());
        assertFalse(meeting.path("sources").path(0).path("publication").asText().isBlank(), "every fact has its source");

        JsonNode miami = get("/api/v1/meetings/" + loader.ref("meeting.miami"));
        assertTrue(miami.path("startsAt").isNull(), "the article does not date the Miami meeting, so neither does Parley");
        assertEquals("scheduled", miami.path("status").asText());
    }

    @Test
    void quotesAreHeldVerbatimWithTheirSource() throws Exception {
        JsonNode xi = get("/api/v1/statements/" + loader.ref("statement.xi-peace"));
        assertEquals("China supports all efforts that work towards peace.", xi.path("quote").asText());
        assertEquals(loader.ref("envoy.xi"), xi.path("envoyId").asText());
        assertEquals("Xi Jinping", xi.path("sources").path(0).path("attribution").asText());

        JsonNode putin = get("/api/v1/statements?envoy=" + loader.ref("envoy.putin") + "&size=200");
        List<String> quotes = new ArrayList<>();
        putin.path("items").forEach(item -> quotes.add(item.path("quote").asText()));
        assertTrue(quotes.contains("This was a necessary conversation, a very concrete one"), quotes.toString());
    }

    @Test
    void theKryvyiRihStrikeKeepsItsCasualtiesAndDamage() throws Exception {
        JsonNode strike = get("/api/v1/incidents/" + loader.ref("incident.kryvyi-rih"));
        assertEquals(6, strike.path("casualties").path("injured").asInt());
        assertEquals(1, strike.path("casualties").path("childrenInjured").asInt());
        assertTrue(strike.path("casualties").path("killed").isNull(), "no deaths were reported, which is not the same as zero");
        assertEquals("Thursday", strike.path("dateAsReported").asText());
        assertEquals(40, strike.path("damage").path(0).path("count").asInt());
        assertEquals("over", strike.path("damage").path(0).path("qualifier").asText());
        assertEquals("local officials", strike.path("sources").path(0).path("attribution").asText());

        JsonNode launches = get("/api/v1/incidents/" + loader.ref("incident.overnight-launches"));
        assertEquals(138, launches.path("weaponsLaunched").path(1).path("count").asInt());
    }

    @Test
    void russiasStandOnTheWholeProposalLeavesTheClausesUndisclosed() throws Exception {
        JsonNode position = get("/api/v1/proposals/" + loader.ref("proposal.us-plan") + "/positions/" + loader.ref("party.ru"));
        assertEquals("contested", position.path("status").asText());
        assertTrue(position.path("note").asText().contains("\"unacceptable\""));
        assertEquals("2024-03-15", position.path("sources").path(0).path("publishedOn").asText());
    }

    @Test
    void aFactWithoutASourceIsRefused() throws Exception {
        String body = JSON.writeValueAsString(Map.of(
                "negotiationId", loader.ref("negotiation.talks"),
                "envoyId", loader.ref("envoy.putin"),
                "quote", "An unsourced remark"));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(RunningParley.gatewayUrl() + "/api/v1/statements"))
                .header("Authorization", "Bearer " + RunningParley.token("analyst"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(422, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(JSON.readTree(response.body()).path("type").asText().endsWith("source-required"), response.body());
    }

    @Test
    void theTimelineOfTheTalksIsInTimeOrderWithUndatedEntriesLast() throws Exception {
        JsonNode timeline = get("/api/v1/negotiations/" + loader.ref("negotiation.talks") + "/timeline?size=200");
        List<String> dated = new ArrayList<>();
        boolean undatedSeen = false;
        for (JsonNode entry : timeline.path("items")) {
            assertNotNull(entry.path("summary").asText(null));
            if (entry.path("at").isNull()) {
                undatedSeen = true;
            } else {
                assertFalse(undatedSeen, "a dated entry after an undated one: " + entry);
                dated.add(entry.path("at").asText().substring(0, 10));
            }
        }
        List<String> sorted = new ArrayList<>(dated);
        sorted.sort(String::compareTo);
        assertEquals(sorted, dated, "dated entries are in time order");
        assertTrue(dated.contains("2024-03-12"), "the Kremlin meeting is on the timeline: " + dated);
        assertTrue(undatedSeen, "the undated strikes are on the timeline too");
    }

    private static Map<String, Integer> counts() throws IOException, InterruptedException {
        String talks = loader.ref("negotiation.talks");
        return Map.of(
                "parties", get("/api/v1/parties?size=1&include_total=true").path("totalSize").asInt(),
                "envoys", get("/api/v1/envoys?size=1&include_total=true").path("totalSize").asInt(),
                "meetings", get("/api/v1/meetings?negotiation=" + talks + "&size=1&include_total=true").path("totalSize").asInt(),
                "statements", get("/api/v1/statements?negotiation=" + talks + "&size=1&include_total=true").path("totalSize").asInt(),
                "incidents", get("/api/v1/incidents?negotiation=" + talks + "&size=1&include_total=true").path("totalSize").asInt(),
                "positions", get("/api/v1/proposals/" + loader.ref("proposal.us-plan") + "/positions/" + loader.ref("party.ru") + "/history?include_total=true")
                        .path("totalSize").asInt());
    }

    private static JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(RunningParley.gatewayUrl() + path))
                        .header("Authorization", "Bearer " + RunningParley.token("viewer")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return JSON.readTree(response.body());
    }
}
