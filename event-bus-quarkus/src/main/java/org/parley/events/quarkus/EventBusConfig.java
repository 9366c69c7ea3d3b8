package org.parley.events.quarkus;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.parley.events.InboxRetention;
import org.parley.events.OutboxRelay;
import org.parley.events.TopicProvisioner;

import java.time.Duration;

/**
 * The event bus of a service ({@code PARLEY_EVENT_BUS_*} in the environment). The defaults suit both the local
 * run and production, except the topics' replication, which belongs to the cluster (1/1 on the dev stack's
 * single broker, 3/2 in production).
 */
@ConfigMapping(prefix = "parley.event-bus")
public interface EventBusConfig {

    /** How long the relay waits for a commit notification before it looks at the outbox anyway. */
    @WithDefault("5s")
    Duration pollInterval();

    /** Outbox rows claimed and sent per relay transaction. */
    @WithDefault("200")
    int batchSize();

    /** How long sent outbox rows are kept, to inspect or replay, before they are deleted. */
    @WithDefault("7d")
    Duration retention();

    /** The longest wait between retries while Kafka or the database is down. */
    @WithDefault("30s")
    Duration maxBackoff();

    /** See {@link OutboxRelay.Settings#abandonedAfter()}: how soon another relay takes over from a vanished one. */
    @WithDefault("45s")
    Duration abandonedAfter();

    /**
     * Tries of one event by a consumer before it is parked in event_inbox_parked and its partition goes on. A
     * failure because the database is unreachable ({@link org.parley.events.DatabaseOutage}) is not a try.
     */
    @WithDefault("10")
    int consumerMaxAttempts();

    /** How long inbox rows are kept: see {@link InboxRetention} and docs/reliability.md (defect 10). */
    Inbox inbox();

    interface Inbox {

        /**
         * A row is deleted only once its offset is committed and it was applied longer ago than this: the window in
         * which the publishing relay may still send a second copy of the event. It must exceed the longest time
         * every instance of a publishing service may be down.
         */
        @WithDefault("7d")
        Duration resendWindow();

        /** How often this instance purges what may go. */
        @WithDefault("10m")
        Duration purgeInterval();

        /** Rows deleted per statement, so that no purge holds locks for long. */
        @WithDefault("1000")
        int purgeBatch();

        default InboxRetention.Settings settings() {
            return new InboxRetention.Settings(resendWindow(), purgeBatch());
        }
    }

    /** Creates the Parley topics at start, with these cluster settings. */
    Topics topics();

    interface Topics {

        /** Off where topics are managed outside the services (e.g. Strimzi KafkaTopic resources). */
        @WithDefault("true")
        boolean provision();

        @WithDefault("1")
        int replicationFactor();

        @WithDefault("1")
        int minInsyncReplicas();

        default TopicProvisioner.Cluster cluster() {
            return new TopicProvisioner.Cluster(replicationFactor(), minInsyncReplicas());
        }
    }

    default OutboxRelay.Settings relaySettings() {
        return new OutboxRelay.Settings(pollInterval(), batchSize(), retention(), maxBackoff(), abandonedAfter());
    }
}
