package org.parley.negotiation.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.api.TextRules;
import org.parley.negotiation.model.ClauseTopic;

import java.util.UUID;

@Schema(name = "ClauseInput", description = "A clause to add at the end of a proposal, or its new state (PUT replaces every field; order changes through /clauses/order)")
public record ClauseInput(
        @Schema(required = true, description = "Its number or label within the proposal", examples = "7") @NotBlank @Size(max = 40) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE) String label,
        @Schema(examples = "Ukraine's armed forces") @Size(max = 500) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE) String heading,
        @Schema(description = "The text, or null when it is not known", examples = "Ukraine's armed forces will be limited to 600,000 personnel.") @Size(max = 20000) String text,
        @Schema(required = true, examples = "military_limits") @NotNull ClauseTopic topic,
        @Schema(description = "The clause of an earlier version (one this proposal supersedes) that this one came from") UUID derivedFromClauseId) {
}
