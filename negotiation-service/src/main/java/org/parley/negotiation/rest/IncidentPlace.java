package org.parley.negotiation.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.api.TextRules;

/** Where an incident happened, as precisely as the report says and no more. */
@Schema(name = "IncidentPlace", description = "Where it happened. Every part is optional, but at least one of city, region, country or asReported is required")
public record IncidentPlace(
        @Schema(description = "City or town", examples = "Kryvyi Rih")
        @Size(max = 200) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE) String city,
        @Schema(description = "Region, province or oblast", examples = "Kherson")
        @Size(max = 200) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE) String region,
        @Schema(description = "Country", examples = "Ukraine")
        @Size(max = 200) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE) String country,
        @Schema(description = "Latitude in decimal degrees (WGS 84), only when reported or looked up", examples = "47.91")
        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @Schema(description = "Longitude in decimal degrees (WGS 84); given together with latitude", examples = "33.39")
        @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @Schema(description = "The place in the report's own words, when they say more or less than a city and region",
                examples = "the Russia-occupied region of Kherson")
        @Size(max = 300) String asReported) {

    boolean namesNoPlace() {
        return blank(city) && blank(region) && blank(country) && blank(asReported);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
