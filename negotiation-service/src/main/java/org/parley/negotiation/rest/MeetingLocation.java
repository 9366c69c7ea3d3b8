package org.parley.negotiation.rest;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MeetingLocation", description = "Where a meeting takes place; every part is optional")
public record MeetingLocation(
        @Schema(examples = "Moscow") @Size(max = 200) String city,
        @Schema(examples = "Russia") @Size(max = 200) String country,
        @Schema(examples = "The Kremlin") @Size(max = 300) String venue) {
}
