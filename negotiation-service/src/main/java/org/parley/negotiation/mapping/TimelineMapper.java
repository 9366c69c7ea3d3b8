package org.parley.negotiation.mapping;

import org.parley.negotiation.rest.TimelineEntry;
import org.parley.negotiation.service.TimelineItem;

/** A timeline item as the API shows it. */
public final class TimelineMapper {

    private TimelineMapper() {
    }

    public static TimelineEntry toView(TimelineItem item) {
        return new TimelineEntry(item.at(), item.precision(), TimelineEntry.Kind.valueOf(item.kind().name()), item.id(), item.summary(), item.link());
    }
}
