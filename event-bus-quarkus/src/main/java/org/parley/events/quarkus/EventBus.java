package org.parley.events.quarkus;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.parley.events.EventConsumer;
import org.parley.events.EventHandler;
import org.parley.events.InboxRetention;
import org.parley.events.Outbox;
import org.parley.events.OutboxRelay;
import org.parley.events.ParkedEvents;
import org.parley.events.Topic;
import org.parley.events.TopicProvisioner;

import javax.sql.DataSource;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A service's event bus, the same in every service: at start it provisions the Parley topics and runs this
 * instance's outbox relay; it runs the consumers the service registers ({@link #consume}) and purges their inbox
 * rows once those can no longer be needed ({@link InboxRetention}); it stops them all at shutdown. It is also the one place an {@link Outbox} is built, with the service's CloudEvents source.
 * Every {@code kafka.*} setting (bootstrap servers, TLS, SASL) reaches the relay, the consumers and the topic
 * provisioning alike.
 * <p>
 * A commit wakes this instance's relay through a JTA synchronization, not {@code pg_notify}, which would take
 * a cluster-wide lock from the append to the commit and serialise every event-writing transaction (measured in
 * docs/events.md). Other instances' relays find the rows at their poll, or at once when their own commits wake
 * them; a relay that another one kept out of some buckets looks again after 100 ms.
 */
@Singleton
public class EventBus {

    private static final Logger LOG = Logger.getLogger(EventBus.class);

    private final DataSource dataSource;
    private final Map<String, Object> kafkaConfig;
    private final MeterRegistry registry;
    private final EventBusConfig config;
    private final String applicationName;
    private final TransactionSynchronizationRegistry transactions;
    /** The key under which one transaction registers its single wake-up. */
    private final Object wakeUpKey = new Object();
    private final List<EventConsumer> consumers = new CopyOnWriteArrayList<>();
    /** The consumer groups of this instance, whose inbox rows it purges. */
    private final Set<String> groups = new CopyOnWriteArraySet<>();
    private volatile OutboxRelay relay;
    private ScheduledExecutorService inboxPurge;
    private boolean topicsReady;

    @Inject
    public EventBus(DataSource dataSource, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                    MeterRegistry registry, EventBusConfig config,
                    @ConfigProperty(name = "quarkus.application.name") String applicationName,
                    TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
        this.dataSource = dataSource;
        this.kafkaConfig = kafkaConfig;
        this.registry = registry;
        this.config = config;
        this.applicationName = applicationName;
    }

    /** The service's outbox writer; its events carry the source {@code parley/<quarkus.application.name>}. */
    @Produces
    @Singleton
    Outbox outbox(ObjectMapper mapper) {
        return new Outbox(source(), mapper, connection -> wakeRelayAfterCommit());
    }

    /** Once per transaction, however many events it appends; at once outside a JTA transaction. */
    private void wakeRelayAfterCommit() {
        if (transactions.getTransactionKey() == null) {
            wakeRelay();
            return;
        }
        if (transactions.getResource(wakeUpKey) != null) {
            return;
        }
        transactions.putResource(wakeUpKey, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    wakeRelay();
                }
            }
        });
    }

    private void wakeRelay() {
        OutboxRelay current = relay;
        if (current != null) {
            current.wake();
        }
    }

    public String source() {
        return "parley/" + applicationName;
    }

    /** Before the services' own startup observers, which register their consumers. */
    void start(@Observes @Priority(10) StartupEvent startup) {
        provisionTopics();
        relay = new OutboxRelay(dataSource, kafkaConfig, config.relaySettings(), registry);
        relay.start();
        LOG.infof("Outbox relay started, publishing to %s", kafkaConfig.get("bootstrap.servers"));
        startInboxPurge();
    }

    /** Every {@code parley.event-bus.inbox.purge-interval}, deletes the inbox rows that can no longer be needed. */
    private void startInboxPurge() {
        InboxRetention retention = new InboxRetention(dataSource, kafkaConfig, config.inbox().settings(), registry);
        inboxPurge = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "parley-inbox-purge");
            thread.setDaemon(true);
            return thread;
        });
        long every = config.inbox().purgeInterval().toMillis();
        inboxPurge.scheduleWithFixedDelay(() -> {
            if (groups.isEmpty()) {
                return;
            }
            try {
                retention.purge(Set.copyOf(groups));
            } catch (RuntimeException e) {
                // Kafka or the database is away: the rows wait for the next round, nothing is lost.
                LOG.warnf("Inbox purge failed, trying again in %s: %s", config.inbox().purgeInterval(), e.getMessage());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Runs a consumer of {@code topics} in consumer group {@code groupId} until shutdown; an event that fails
     * {@code parley.event-bus.consumer-max-attempts} times is parked ({@link ParkedEvents}).
     */
    public synchronized void consume(String groupId, Collection<Topic> topics, EventHandler handler) {
        provisionTopics();
        EventConsumer consumer = new EventConsumer(groupId, kafkaConfig, topics, handler,
                new ParkedEvents.Store(dataSource), config.consumerMaxAttempts());
        consumers.add(consumer);
        groups.add(groupId);
        consumer.start();
    }

    /** The operator's view of parked events (admin retry and discard). */
    public ParkedEvents parkedEvents() {
        return new ParkedEvents(dataSource);
    }

    private synchronized void provisionTopics() {
        if (topicsReady || !config.topics().provision()) {
            return;
        }
        TopicProvisioner.provision(kafkaConfig, config.topics().cluster(), List.of(Topic.values()));
        topicsReady = true;
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (inboxPurge != null) {
            inboxPurge.shutdownNow();
        }
        consumers.forEach(EventConsumer::close);
        if (relay != null) {
            relay.close();
        }
    }
}
