package org.parley.party.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** The end of an envoy's mandate. */
@Schema(name = "EnvoyMandateEnd", description = "When and why an envoy's mandate ended")
public record MandateEndInput(
        @NotNull
        @Schema(description = "Last day of the mandate; not before the day it started", examples = "2025-12-05")
        LocalDate endedOn,

        @Size(max = 500)
        @Schema(description = "Why it ended", examples = "Replaced as chief negotiator", maxLength = 500, nullable = true)
        String reason) {
}
