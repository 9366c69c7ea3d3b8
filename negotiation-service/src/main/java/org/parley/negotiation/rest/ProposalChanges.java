package org.parley.negotiation.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.api.TextRules;
import org.parley.negotiation.model.Source;

import java.util.List;
import java.util.UUID;

@Schema(name = "ProposalChanges", description = "The editable fields of a proposal (PUT replaces them all); the status moves through /status")
public record ProposalChanges(
        @Schema(required = true, examples = "U.S. 28-point peace plan") @NotBlank @Size(max = 300) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE) String title,
        @Schema(required = true) @NotNull UUID sponsorPartyId,
        @Schema(required = true, examples = "1") @NotNull @Min(1) @Max(10000) Integer version,
        @Size(max = 10000) String summary,
        @Size(max = 50) List<@NotNull @Valid Source> sources) {
}
