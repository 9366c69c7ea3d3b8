package org.parley.negotiation.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/**
 * Where a fact came from. One shape for every fact the service keeps (positions, meetings, proposals, and
 * later statements and incidents), stored as JSON next to the fact it supports.
 */
@Schema(name = "Source", description = "Where a fact came from: the publication, and optionally its URL, date and who said it")
public record Source(
        @Schema(description = "The publication or outlet", examples = "Reuters", required = true)
        @NotBlank @Size(max = 300) String publication,
        @Schema(description = "Absolute URL of the article or document", examples = "https://www.reuters.com/world/europe/example")
        @Size(max = 2000) @Pattern(regexp = "^[A-Za-z][A-Za-z0-9+.-]*://[^\\s]+$", message = "must be an absolute URL such as https://example.org/article") String url,
        @Schema(description = "The date it was published", examples = "2025-12-03")
        LocalDate publishedOn,
        @Schema(description = "Who said it, or where within the article", examples = "Yuri Ushakov, Kremlin aide")
        @Size(max = 500) String attribution) {
}
