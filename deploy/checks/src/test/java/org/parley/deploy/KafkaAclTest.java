package org.parley.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.parley.events.Topic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each service's KafkaUser may do exactly what the service does: the data flow of docs/architecture.md for
 * topics, and, for consumer groups, the group ids its code declares.
 */
class KafkaAclTest {

    /** What each service does with each topic: publish or read. */
    private static final Map<String, Map<Topic, String>> DATA_FLOW = Map.of(
            "party-service", Map.of(Topic.PARTIES, "publish"),
            "negotiation-service", Map.of(Topic.PARTIES, "read", Topic.NEGOTIATIONS, "publish", Topic.ALERTS, "publish"),
            "gateway", Map.of(Topic.ALERTS, "read"));

    private static final Set<String> PUBLISH = Set.of("Write", "Describe", "Create", "DescribeConfigs");
    private static final Set<String> READ = Set.of("Read", "Describe");

    @Test
    void everyServiceMayDoExactlyWhatItDoes() {
        List<ObjectNode> prod = Kustomize.overlay("prod");
        for (String service : DATA_FLOW.keySet()) {
            Map<String, Set<String>> expected = new TreeMap<>();
            DATA_FLOW.get(service).forEach((topic, use) -> expected.put("topic " + topic.topicName(), use.equals("publish") ? PUBLISH : READ));
            consumerGroups(service).forEach(group -> expected.put("group " + group, Set.of("Read")));
            assertEquals(expected, acls(Kustomize.named(prod, "KafkaUser", service)), service);
        }
    }

    @Test
    void onlyNegotiationServiceConsumesInAGroup() {
        assertEquals(Set.of("negotiation-service.party-copy"), consumerGroups("negotiation-service"));
        assertEquals(Set.of(), consumerGroups("party-service"));
        assertEquals(Set.of(), consumerGroups("gateway"));
    }

    private static Map<String, Set<String>> acls(ObjectNode user) {
        Map<String, Set<String>> acls = new TreeMap<>();
        for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
            Set<String> operations = new TreeSet<>();
            acl.path("operations").forEach(o -> operations.add(o.asText()));
            acls.merge(acl.path("resource").path("type").asText() + " " + acl.path("resource").path("name").asText(), operations,
                    (a, b) -> Stream.concat(a.stream(), b.stream()).collect(Collectors.toSet()));
        }
        return acls;
    }

    /** The consumer group ids a service's code declares: constants ending in GROUP, and group.id settings. */
    static Set<String> consumerGroups(String service) {
        Pattern constant = Pattern.compile("\\w*GROUP\\w*\\s*=\\s*\"([^\"]+)\"");
        Pattern property = Pattern.compile("(?m)^[^#]*group\\.id\\s*=\\s*(\\S+)");
        Set<String> groups = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Checkout.path(service + "/src/main"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                constant.matcher(text).results().forEach(r -> groups.add(r.group(1)));
                property.matcher(text).results().forEach(r -> groups.add(r.group(1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return groups;
    }
}
