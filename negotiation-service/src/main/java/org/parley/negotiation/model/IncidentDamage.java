package org.parley.negotiation.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One kind of thing damaged, with its count when the report gives one: "over 40 residential buildings". */
@Schema(name = "IncidentDamage", description = "Something damaged, with a count where one was reported")
public record IncidentDamage(
        @Schema(description = "What was damaged, as reported", examples = "residential buildings", required = true)
        @NotBlank @Size(max = 300) String what,
        @Schema(description = "How many, when reported; null when the report gives no number", examples = "40")
        @PositiveOrZero Integer count,
        @Schema(description = "How the count was hedged; null when it is exact", examples = "over")
        IncidentCountQualifier qualifier) {
}
