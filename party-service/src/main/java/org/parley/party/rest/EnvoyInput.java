package org.parley.party.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.api.TextRules;
import org.parley.party.model.EnvoyRole;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What a client sends to appoint an envoy or to replace one (PUT). */
@Schema(name = "EnvoyInput", description = "An envoy as a client appoints or replaces them")
@MandateInOrder
public record EnvoyInput(
        @NotBlank
        @Size(max = 200)
        @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE)
        @Schema(description = "Full name as usually written in English", examples = "Steven Witkoff", maxLength = 200)
        String fullName,

        @Size(max = 20)
        @Schema(description = "Other names the envoy is known by; the name search looks at them too", examples = "[\"Steve Witkoff\"]",
                maxItems = 20, nullable = true)
        List<@NotBlank @Size(max = 200) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE) String> aliases,

        @Size(max = 200)
        @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE)
        @Schema(description = "Title or office", examples = "U.S. Special Envoy for Peace Missions", maxLength = 200, nullable = true)
        String title,

        @NotNull
        @Schema(description = "Id of the party the envoy acts or speaks for")
        UUID partyId,

        @NotNull
        @Schema(description = "Capacity in which the envoy acts")
        EnvoyRole role,

        @Schema(description = "First day of the mandate, when known (reports often name an envoy without saying since when)", examples = "2025-01-20", nullable = true)
        LocalDate mandateFrom,

        @Schema(description = "Last day of the mandate, if it has ended or its end is known; not before mandateFrom", nullable = true)
        LocalDate mandateTo) {
}
