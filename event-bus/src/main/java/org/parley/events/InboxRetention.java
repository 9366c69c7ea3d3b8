package org.parley.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Keeps the inbox bounded (issue 14, defect 10): deletes the rows of events that can no longer be delivered
 * again, in small batches.
 *
 * <p>An event reaches a consumer a second time in one of two ways only, and each has its bound:
 * <ol>
 *   <li><b>A re-read</b> of an offset the group had not committed (a crash, a rebalance). The group reads
 *       again from its committed offset, never below it, so a row whose offset is below the group's committed
 *       offset on its partition cannot come back this way, however long the topic keeps the record
 *       ({@code parley.parties.v1} keeps it for ever).</li>
 *   <li><b>A second copy</b> from the relay, with the same {@code ce_id} under a new offset: the relay died (or
 *       its transaction was ended) between the broker's acknowledgement and marking the row sent. The row is
 *       then claimed again by the next relay round of any instance: within
 *       {@code abandoned-after} (45 s) + {@code max-backoff} (30 s) + {@code poll-interval} (5 s) while one
 *       instance of the publishing service runs. {@link Settings#resendWindow()} (7 days by default) must
 *       exceed that plus the longest time <em>every</em> instance of the publisher may be down.</li>
 * </ol>
 * So a row is deleted only when <em>both</em> hold: its offset is below the committed offset of its group and
 * partition, and it was applied more than the re-send window ago. A group that has committed nothing (or was
 * deleted) keeps its rows. Resetting a group's offsets backwards is a deliberate replay, not a redelivery:
 * the rows it reaches may be gone (docs/reliability.md).
 */
public final class InboxRetention {

    private static final Logger LOG = Logger.getLogger(InboxRetention.class);

    private static final String PURGE = """
            DELETE FROM event_inbox WHERE ctid = ANY (ARRAY(
                SELECT ctid FROM event_inbox
                WHERE consumer_group = ? AND topic = ? AND kafka_partition = ? AND kafka_offset < ?
                  AND applied_at < clock_timestamp() - ? * interval '1 millisecond'
                LIMIT ?))""";

    /**
     * @param resendWindow how long after its application an event may still arrive again as the relay's second
     *                     copy (see the class comment); rows younger than this are always kept
     * @param batchSize    rows deleted per statement (each its own short transaction)
     */
    public record Settings(Duration resendWindow, int batchSize) {
        public Settings {
            if (resendWindow == null || resendWindow.isNegative() || resendWindow.isZero()) {
                throw new IllegalArgumentException("resendWindow must be positive");
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1");
            }
        }
    }

    private final DataSource dataSource;
    private final Map<String, Object> adminConfig;
    private final Settings settings;
    private final Counter purged;

    /**
     * @param kafkaConfig every {@code kafka.*} setting of the service: the committed offsets are read with an
     *                    admin client
     */
    public InboxRetention(DataSource dataSource, Map<String, Object> kafkaConfig, Settings settings, MeterRegistry registry) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.adminConfig = TopicProvisioner.adminConfig(kafkaConfig);
        this.purged = Counter.builder("parley.inbox.purged")
                .description("Inbox rows deleted because their event can no longer be delivered again")
                .register(registry);
    }

    /**
     * Deletes what can go for each of {@code groups}, batch by batch.
     *
     * @return the rows deleted
     * @throws EventBusException if Kafka or the database cannot be reached; nothing is deleted for the groups left
     */
    public long purge(Collection<String> groups) {
        long total = 0;
        try (Admin admin = Admin.create(adminConfig)) {
            for (String group : groups) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                for (Map.Entry<TopicPartition, OffsetAndMetadata> partition : committed.entrySet()) {
                    if (partition.getValue() != null) {
                        total += purge(group, partition.getKey(), partition.getValue().offset());
                    }
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new EventBusException("Could not read the committed offsets to purge the inbox: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventBusException("Interrupted while purging the inbox", e);
        }
        if (total > 0) {
            LOG.debugf("Purged %d inbox rows of %s", total, groups);
        }
        return total;
    }

    private long purge(String group, TopicPartition partition, long committedOffset) {
        long total = 0;
        int deleted;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (PreparedStatement purge = connection.prepareStatement(PURGE)) {
                purge.setString(1, group);
                purge.setString(2, partition.topic());
                purge.setInt(3, partition.partition());
                purge.setLong(4, committedOffset);
                purge.setLong(5, settings.resendWindow().toMillis());
                purge.setInt(6, settings.batchSize());
                do {
                    deleted = purge.executeUpdate();
                    total += deleted;
                    purged.increment(deleted);
                } while (deleted == settings.batchSize());
            }
        } catch (SQLException e) {
            throw new EventBusException("Could not purge the inbox of " + group + " on " + partition + ": " + e.getMessage(), e);
        }
        return total;
    }

    /** For the operator's log line and the tests. */
    public Duration resendWindow() {
        return settings.resendWindow();
    }
}
