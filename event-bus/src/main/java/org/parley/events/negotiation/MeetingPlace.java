package org.parley.events.negotiation;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import org.parley.events.Nullable;

@JsonClassDescription("Where a meeting takes place; each part may be unknown.")
public record MeetingPlace(@Nullable String city, @Nullable String country, @Nullable String venue) {
}
