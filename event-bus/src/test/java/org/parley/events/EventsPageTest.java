package org.parley.events;

import org.junit.jupiter.api.Test;
import org.parley.events.support.Repository;

import java.io.IOException;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/events.md is written by hand; its table of types must keep up with the catalog. */
class EventsPageTest {

    @Test
    void theEventsPageListsEveryTypeWithItsRecordAndEveryTopic() throws IOException {
        String page = Files.readString(Repository.root().resolve("docs").resolve("events.md"));
        for (Class<? extends ParleyEvent> eventClass : EventCatalog.all()) {
            String row = "| `" + EventCatalog.typeOf(eventClass) + "` | `" + eventClass.getSimpleName() + "` |";
            assertTrue(page.contains(row), "docs/events.md has no row " + row);
        }
        for (Topic topic : Topic.values()) {
            assertTrue(page.contains("| `" + topic.topicName() + "`"), "docs/events.md does not list " + topic.topicName());
        }
    }
}
