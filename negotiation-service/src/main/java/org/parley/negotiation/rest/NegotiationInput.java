package org.parley.negotiation.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.api.TextRules;
import org.parley.negotiation.model.NegotiationStatus;

import java.time.LocalDate;
import java.util.List;

@Schema(name = "NegotiationInput", description = "A negotiation to start, or its new state (PUT replaces every field)")
public record NegotiationInput(
        @Schema(examples = "Russia–Ukraine peace talks (U.S.-mediated)", required = true) @NotBlank @Size(max = 300) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE) String title,
        @Schema(description = "Defaults to active", examples = "active") NegotiationStatus status,
        @Schema(examples = "2025-11-19") LocalDate startedOn,
        @Schema(description = "Set when the negotiation concluded or collapsed") LocalDate endedOn,
        @Schema(description = "The parties taking part, each once", required = true)
        @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid NegotiatingParty> parties) {
}
