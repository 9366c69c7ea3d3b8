package org.parley.negotiation.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.api.TextRules;

@Schema(name = "MeetingLocation", description = "Where a meeting takes place; every part is optional")
public record MeetingLocation(
        @Schema(examples = "Moscow") @Size(max = 200) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE) String city,
        @Schema(examples = "Russia") @Size(max = 200) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE) String country,
        @Schema(examples = "The Kremlin") @Size(max = 300) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE) String venue) {
}
