package org.parley.events.negotiation;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import java.util.UUID;

@JsonClassDescription("Where a clause stands in its proposal after a reordering.")
public record ClausePlace(UUID clauseId, @JsonPropertyDescription("From 1.") int position, String label) {
}
