package org.parley.negotiation.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Casualties as reported. A count that was not reported is null: "not reported" is not zero. */
@Schema(name = "IncidentCasualties", description = "Casualties as reported. A null count means not reported, which is not the same as 0")
public record IncidentCasualties(
        @Schema(description = "People killed, children included", examples = "2")
        @PositiveOrZero Integer killed,
        @Schema(description = "People injured, children included", examples = "6")
        @PositiveOrZero Integer injured,
        @Schema(description = "Children among the killed", examples = "0")
        @PositiveOrZero Integer childrenKilled,
        @Schema(description = "Children among the injured", examples = "1")
        @PositiveOrZero Integer childrenInjured,
        @Schema(description = "Whether the casualties were civilians; null when the report does not say")
        Boolean civilian,
        @Schema(description = "Who they were, in the report's words", examples = "[\"a three-year-old girl\"]")
        @Size(max = 50) List<@NotNull @NotBlank @Size(max = 300) String> notes) {
}
