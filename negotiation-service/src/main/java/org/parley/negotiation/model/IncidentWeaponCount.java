package org.parley.negotiation.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Weapons launched, as reported: "two ballistic missiles", "138 drones". */
@Schema(name = "IncidentWeaponCount", description = "Weapons launched, with their count where one was reported")
public record IncidentWeaponCount(
        @Schema(description = "The weapon, as reported", examples = "ballistic missiles", required = true)
        @NotBlank @Size(max = 300) String weapon,
        @Schema(description = "How many, when reported", examples = "2")
        @PositiveOrZero Integer count,
        @Schema(description = "How the count was hedged; null when it is exact", examples = "over")
        IncidentCountQualifier qualifier) {
}
