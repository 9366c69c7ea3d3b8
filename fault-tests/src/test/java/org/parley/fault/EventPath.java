package org.parley.fault;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.parley.events.Topic;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * What the event path did with one fault's writes, read from the three places that tell: the services' databases
 * (outbox, party-copy inbox and audit, alerts, the rows the writes created), every Parley topic read from the start
 * with a plain consumer, and the alert stream clients. {@link #settled} says when everything written has gone all
 * the way; {@link #figures} compares, per key, and counts.
 */
final class EventPath {

    /** The consumer name under which negotiation-service's party copy records what it applied. */
    private static final String PARTY_COPY = "party-copy";

    private final Fleet fleet;
    private final Scenario scenario;

    EventPath(Fleet fleet, Scenario scenario) {
        this.fleet = fleet;
        this.scenario = scenario;
    }

    /** One event of the outbox, in publication order. */
    record Outboxed(String id, String topic, String key, String subject, long sequence, boolean sent) {
    }

    /** The outbox rows of the scenario's keys, both services, in sequence order per service. */
    List<Outboxed> outbox() {
        List<Outboxed> rows = new ArrayList<>();
        for (String database : List.of("party", "negotiation")) {
            query(database, "SELECT id, topic, message_key, subject, sequence, sent_at IS NOT NULL FROM event_outbox "
                    + "WHERE message_key = ANY (?) ORDER BY sequence", scenario.keys(), result ->
                    rows.add(new Outboxed(result.getString(1), result.getString(2), result.getString(3), result.getString(4),
                            result.getLong(5), result.getBoolean(6))));
        }
        return rows;
    }

    /** Everything the fault wrote is on Kafka, applied by the party copy and streamed to every client. */
    boolean settled(List<AlertStreamClient> clients) {
        List<Outboxed> outbox = outbox();
        if (outbox.stream().anyMatch(row -> !row.sent())) {
            return false;
        }
        Set<String> partyEvents = ids(outbox, Topic.PARTIES);
        if (applied(partyEvents).size() < partyEvents.size()) {
            return false;
        }
        Set<String> alerts = alertIds();
        return clients.stream().allMatch(client -> new HashSet<>(client.alertIds()).containsAll(alerts));
    }

    Figures figures(String fault, Load load, List<AlertStreamClient> clients, Duration recovery, String note) {
        List<Outboxed> outbox = outbox();
        Map<String, List<String>> written = new LinkedHashMap<>();
        outbox.forEach(row -> written.computeIfAbsent(row.topic() + " " + row.key(), k -> new ArrayList<>()).add(row.id()));

        // On Kafka, per key: every event written is there (later copies with the same ce_id are the at-least-once
        // duplicates a consumer must absorb), and the key's writes appear in the order the API acknowledged them.
        Map<String, String> subjectOf = new HashMap<>();
        outbox.forEach(row -> subjectOf.put(row.id(), row.subject()));
        Map<String, List<String>> onKafka = readTopics();
        int records = onKafka.values().stream().mapToInt(List::size).sum();
        int published = 0;
        int lost = 0;
        for (Map.Entry<String, List<String>> key : written.entrySet()) {
            List<String> firstCopies = onKafka.getOrDefault(key.getKey(), List.of()).stream().distinct().toList();
            published += firstCopies.size();
            lost += (int) key.getValue().stream().filter(id -> !firstCopies.contains(id)).count();
        }
        List<String> reordered = new ArrayList<>();
        for (String key : scenario.keys()) {
            Topic topic = scenario.parties().contains(key) ? Topic.PARTIES : Topic.NEGOTIATIONS;
            List<String> expected = List.copyOf(load.acknowledged.get(key));
            if (!inOrder(onKafka.getOrDefault(topic.topicName() + " " + key, List.of()), subjectOf, expected)) {
                reordered.add("on Kafka " + key);
            }
        }

        // The party copy: each party event applied once (the inbox row and its audit entry), in the key's order.
        Set<String> partyEvents = ids(outbox, Topic.PARTIES);
        Map<String, String> appliedOrder = applied(partyEvents);
        int audited = count("negotiation", "SELECT count(*) FROM audit_entry WHERE event_id::text = ANY (?)", partyEvents);
        lost += partyEvents.size() - appliedOrder.size();
        for (String party : scenario.parties()) {
            List<String> order = appliedOrder.keySet().stream().filter(id -> party.equals(appliedOrder.get(id))).toList();
            if (!inOrder(order, subjectOf, List.copyOf(load.acknowledged.get(party)))) {
                reordered.add("applied " + party);
            }
        }

        // The effects the writes asked for: one alert per incident, one per envoy and negotiation of its party.
        int envoys = count("party", "SELECT count(*) FROM envoy WHERE party_id::text = ANY (?)", scenario.parties());
        int incidents = count("negotiation", "SELECT count(*) FROM incident WHERE negotiation_id::text = ANY (?)", scenario.negotiations());
        Map<String, Integer> alertsByRule = new TreeMap<>();
        query("negotiation", "SELECT rule, count(*) FROM alert WHERE negotiation_id::text = ANY (?) GROUP BY rule", scenario.negotiations(),
                result -> alertsByRule.put(result.getString(1), result.getInt(2)));
        int duplicateEffects = count("negotiation", "SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM alert "
                + "WHERE negotiation_id::text = ANY (?) GROUP BY negotiation_id, rule, cause_event_ids) per_cause", scenario.negotiations())
                + Math.max(0, audited - appliedOrder.size());
        int expectedAlerts = incidents + envoys * scenario.negotiations().size();
        int alerts = alertsByRule.values().stream().mapToInt(Integer::intValue).sum();
        lost += Math.max(0, expectedAlerts - alerts);
        // What the API acknowledged is stored: nothing a client was told is done went missing.
        lost += missing("party", "envoy", load.committedEnvoys) + missing("negotiation", "incident", load.committedIncidents);

        Set<String> alertIds = alertIds();
        int sseDuplicates = 0;
        int sseMissing = 0;
        int gaps = 0;
        for (AlertStreamClient client : clients) {
            List<String> mine = client.alertIds().stream().filter(alertIds::contains).toList();
            sseDuplicates += mine.size() - (int) mine.stream().distinct().count();
            sseMissing += (int) alertIds.stream().filter(id -> !mine.contains(id)).count();
            gaps += client.gaps();
        }
        return new Figures(fault, load.attempted.get(), load.committed(), load.failed(), outbox.size(), published,
                records - published, appliedOrder.size() + alerts, duplicateEffects, lost, reordered.size(),
                clients.size(), clients.stream().mapToInt(c -> c.connections.get()).sum(), alertIds.size(), sseDuplicates, sseMissing, gaps,
                recovery.toMillis() / 1000.0, note + failuresNote(load));
    }

    /** Whether the events, read as the subjects they are about, list the acknowledged writes in their order. */
    private static boolean inOrder(List<String> eventIds, Map<String, String> subjectOf, List<String> acknowledged) {
        Set<String> writes = new HashSet<>(acknowledged);
        List<String> seen = eventIds.stream().map(subjectOf::get).filter(writes::contains).distinct().toList();
        return seen.equals(acknowledged);
    }

    private static String failuresNote(Load load) {
        return load.failures.isEmpty() ? "" : " Refused writes by status (0 = no answer): " + new TreeMap<>(load.failures) + ".";
    }

    Set<String> alertIds() {
        Set<String> ids = new HashSet<>();
        query("negotiation", "SELECT id FROM alert WHERE negotiation_id::text = ANY (?)", scenario.negotiations(), result -> ids.add(result.getString(1)));
        return ids;
    }

    /** The party-copy inbox rows of these events: event id to its key, in the order they were applied. */
    private Map<String, String> applied(Set<String> events) {
        Map<String, String> keyOf = new HashMap<>();
        outbox().forEach(row -> keyOf.put(row.id(), row.key()));
        Map<String, String> applied = new LinkedHashMap<>();
        query("negotiation", "SELECT event_id FROM event_inbox WHERE consumer = '" + PARTY_COPY + "' AND event_id = ANY (?) "
                + "ORDER BY applied_at, kafka_offset", events, result -> applied.put(result.getString(1), keyOf.get(result.getString(1))));
        return applied;
    }

    private static Set<String> ids(List<Outboxed> outbox, Topic topic) {
        Set<String> ids = new HashSet<>();
        outbox.stream().filter(row -> row.topic().equals(topic.topicName())).forEach(row -> ids.add(row.id()));
        return ids;
    }

    private int missing(String database, String table, Collection<String> ids) {
        return ids.size() - count(database, "SELECT count(*) FROM " + table + " WHERE id::text = ANY (?)", ids);
    }

    /** The ce_id of every record of the scenario's keys on every Parley topic, per "topic key", in offset order. */
    private Map<String, List<String>> readTopics() {
        Set<String> keys = new HashSet<>(scenario.keys());
        Map<String, List<String>> ids = new HashMap<>();
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, fleet.connection.kafkaBootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = Arrays.stream(Topic.values())
                    .flatMap(t -> IntStream.range(0, t.partitions()).mapToObj(p -> new TopicPartition(t.topicName(), p))).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("Could not read the topics to their end offsets " + end);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (keys.contains(record.key())) {
                        Header id = record.headers().lastHeader("ce_id");
                        ids.computeIfAbsent(record.topic() + " " + record.key(), k -> new ArrayList<>())
                                .add(id == null ? "no ce_id at " + record.offset() : new String(id.value(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return ids;
    }

    // --- the services' databases, read directly (the suite is their operator) ---

    @FunctionalInterface
    interface RowReader {
        void read(ResultSet result) throws SQLException;
    }

    void query(String database, String sql, Collection<String> parameter, RowReader reader) {
        try (Connection db = DriverManager.getConnection(fleet.connection.jdbcUrl(database), "postgres", "");
             PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setArray(1, db.createArrayOf("text", parameter.toArray()));
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    reader.read(result);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(database + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    int count(String database, String sql, Collection<String> parameter) {
        int[] count = new int[1];
        query(database, sql, parameter, result -> count[0] = result.getInt(1));
        return count[0];
    }
}
