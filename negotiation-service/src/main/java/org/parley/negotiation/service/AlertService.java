package org.parley.negotiation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.parley.api.ApiException;
import org.parley.api.Page;
import org.parley.api.PageRequest;
import org.parley.api.Vocabulary;
import org.parley.events.Actor;
import org.parley.events.Outbox;
import org.parley.events.ParleyEvent;
import org.parley.events.alert.AlertRaised;
import org.parley.events.quarkus.EventBus;
import org.parley.negotiation.model.Alert;
import org.parley.negotiation.repository.AlertFactsRepository;
import org.parley.negotiation.repository.AlertRepository;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Runs the {@link AlertRules} on each event the service writes or applies, and stores and publishes what
 * they raise, in the transaction of that event: an alert exists, and reaches {@code parley.alerts.v1},
 * exactly when the change that caused it commits.
 */
@ApplicationScoped
public class AlertService {

    @Inject
    EntityManager em;

    @Inject
    AlertFactsRepository facts;

    @Inject
    AlertRepository alerts;

    /** Built once for the service by the shared event bus (event-bus-quarkus). */
    @Inject
    Outbox outbox;

    /**
     * Alerts are the service's own conclusions, so their actor is the service (the CloudEvents source the
     * event bus names it by); the change that caused one is in its causes and in the audit trail.
     */
    private Actor raisedBy;

    @Inject
    void raisedBy(EventBus eventBus) {
        raisedBy = Actor.service(eventBus.source());
    }

    /**
     * Evaluates the rules on an event being written (or applied, for party-service's envoy events) and
     * records each alert with its {@link AlertRaised} in the outbox.
     *
     * @param eventId the event's CloudEvents id, which the alerts cite as their cause
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Alert> raiseFor(ParleyEvent event, String eventId) {
        List<Alert> raised = new ArrayList<>();
        for (AlertRules.Raised r : AlertRules.evaluate(event, eventId, facts)) {
            Alert alert = new Alert();
            alert.id = UUID.randomUUID();
            alert.negotiationId = r.negotiationId();
            alert.rule = r.rule();
            alert.severity = Vocabulary.wireName(r.severity());
            alert.severityRank = (short) r.severity().ordinal();
            alert.summary = r.summary();
            alert.partyIds = new LinkedHashSet<>(r.partyIds());
            alert.causeEventIds = new ArrayList<>(r.causeEventIds());
            alert.causes = r.causes().stream().map(c -> new Alert.Cause(c.kind(), c.id())).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
            alert.occurredAt = r.occurredAt() == null ? Clock.now() : r.occurredAt();
            alert.raisedAt = Clock.now();
            alerts.persist(alert);
            AlertRaised published = new AlertRaised(alert.id, alert.negotiationId, alert.rule, alert.severity, alert.summary,
                    List.copyOf(r.partyIds()), List.copyOf(r.causeEventIds()), alert.occurredAt);
            em.unwrap(Session.class).doWork(connection -> outbox.append(connection, published, raisedBy));
            raised.add(alert);
        }
        return raised;
    }

    public Alert get(UUID id) {
        return alerts.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Alert", id));
    }

    public Page<Alert> list(AlertRepository.Filter filter, String sort, PageRequest request) {
        return alerts.list(filter, sort, request);
    }
}
