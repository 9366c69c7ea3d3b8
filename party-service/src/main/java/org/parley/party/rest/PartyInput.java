package org.parley.party.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.api.TextRules;
import org.parley.party.model.ConflictRole;
import org.parley.party.model.Party;
import org.parley.party.model.PartyKind;

/** What a client sends to register a party or to replace one (PUT). */
@Schema(name = "PartyInput", description = "A party as a client registers or replaces it")
public record PartyInput(
        @NotNull
        @Pattern(regexp = Party.SLUG_PATTERN, message = "must be 2 to 32 lower-case letters, digits or hyphens, starting with a letter")
        @Schema(description = "Short unique handle, used in URLs and by people", examples = "ua", pattern = Party.SLUG_PATTERN)
        String slug,

        @NotBlank
        @Size(max = 200)
        @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE)
        @Schema(description = "Name in English", examples = "Ukraine", maxLength = 200)
        String name,

        @NotNull
        @Schema(description = "What kind of actor the party is")
        PartyKind kind,

        @Pattern(regexp = Party.ISO_CODE_PATTERN, message = "must be an ISO 3166-1 alpha-2 or alpha-3 code in upper case, such as UA or UKR")
        @Schema(description = "ISO 3166-1 alpha-2 or alpha-3 code, for states", examples = "UA", pattern = Party.ISO_CODE_PATTERN, nullable = true)
        String isoCode,

        @NotNull
        @Schema(description = "The part the party plays in the conflict")
        ConflictRole conflictRole) {
}
