package org.parley.events;

import org.junit.jupiter.api.Test;
import org.parley.events.alert.AlertRaised;
import org.parley.events.negotiation.NegotiationEvent;
import org.parley.events.negotiation.PositionRecorded;
import org.parley.events.party.EnvoyMandateEnded;
import org.parley.events.party.PartyEvent;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventCatalogTest {

    @Test
    void everyEventOfTheDesignIsCatalogued() {
        assertEquals(6, EventCatalog.onTopic(Topic.PARTIES).size());
        assertEquals(14, EventCatalog.onTopic(Topic.NEGOTIATIONS).size());
        assertEquals(List.of(AlertRaised.class), EventCatalog.onTopic(Topic.ALERTS));
        assertEquals(21, EventCatalog.all().size());
    }

    @Test
    void typesAreUniqueVersionedAndLeadBackToTheirClass() {
        Set<String> types = new HashSet<>();
        for (Class<? extends ParleyEvent> eventClass : EventCatalog.all()) {
            String type = EventCatalog.typeOf(eventClass);
            assertTrue(EventCatalog.TYPE_PATTERN.matcher(type).matches(), type);
            assertTrue(type.endsWith(".v1"), type);
            assertTrue(types.add(type), "duplicate " + type);
            assertEquals(eventClass, EventCatalog.classOf(type));
            assertTrue(EventCatalog.knows(type));
        }
        assertEquals("org.parley.envoy.mandate-ended.v1", EventCatalog.typeOf(EnvoyMandateEnded.class));
    }

    @Test
    void theTopicFollowsTheSealedRoot() {
        for (Class<? extends ParleyEvent> eventClass : EventCatalog.all()) {
            Topic expected = PartyEvent.class.isAssignableFrom(eventClass) ? Topic.PARTIES
                    : NegotiationEvent.class.isAssignableFrom(eventClass) ? Topic.NEGOTIATIONS
                    : Topic.ALERTS;
            assertEquals(expected, EventCatalog.topicOf(eventClass), eventClass.getSimpleName());
        }
        assertEquals(Topic.NEGOTIATIONS, EventCatalog.topicOf(PositionRecorded.class));
        assertEquals(Topic.ALERTS, Topic.ofName("parley.alerts.v1"));
    }

    @Test
    void unknownTypesAndClassesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> EventCatalog.classOf("org.parley.party.renamed.v9"));
        assertThrows(IllegalArgumentException.class, () -> EventCatalog.typeOf(String.class));
        assertThrows(IllegalArgumentException.class, () -> EventCatalog.topicOf(ParleyEvent.class));
        assertTrue(!EventCatalog.knows("org.parley.party.renamed.v9"));
    }
}
