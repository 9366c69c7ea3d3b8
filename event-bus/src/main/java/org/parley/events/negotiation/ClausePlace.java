package org.parley.events.negotiation;

import com.fasterxml.jackson.annotation.JsonClassDescription;

import java.util.UUID;

@JsonClassDescription("Where a clause stands in its proposal after a reordering.")
public record ClausePlace(UUID clauseId, int ordinal, String number) {
}
