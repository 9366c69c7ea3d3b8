package org.parley.negotiation.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a reported count is hedged: "over 40 residential buildings" is {count: 40, qualifier: over}. */
@Schema(name = "IncidentCountQualifier", description = "How a count was hedged in the report; absent means the count is exact")
public enum IncidentCountQualifier {
    @JsonProperty("over") OVER,
    @JsonProperty("at_least") AT_LEAST,
    @JsonProperty("about") ABOUT,
    @JsonProperty("up_to") UP_TO,
    @JsonProperty("under") UNDER
}
