package org.parley.negotiation.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.negotiation.model.DatePrecision;

@Schema(name = "TimelineEntry", description = "One thing that happened in a negotiation, in time order")
public record TimelineEntry(
        @Schema(description = "When: an instant (2024-03-12T10:00:00Z) for meetings, position changes and proposals; a day (2024-03-14) "
                + "for statements and incidents; null when the date was not reported (such entries come last)", nullable = true)
        String at,
        @Schema(description = "How precise 'at' is")
        DatePrecision precision,
        Kind kind,
        @Schema(description = "The id of the entry: the meeting, proposal, statement or incident id, or the position change's sequence number")
        String id,
        @Schema(description = "One line in plain English", examples = "Vladimir Putin: “This was a necessary conversation, a very concrete one”")
        String summary,
        @Schema(description = "The path of the resource behind the entry", examples = "/api/v1/statements/0c4f2a8e-3d1b-4e6f-9a7c-5b8d2e1f3a4c")
        String link) {

    @Schema(name = "TimelineEntryKind")
    public enum Kind {
        @JsonProperty("meeting") MEETING,
        @JsonProperty("proposal") PROPOSAL,
        @JsonProperty("position_change") POSITION_CHANGE,
        @JsonProperty("statement") STATEMENT,
        @JsonProperty("incident") INCIDENT
    }
}
