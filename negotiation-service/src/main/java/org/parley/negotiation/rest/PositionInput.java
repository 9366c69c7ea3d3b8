package org.parley.negotiation.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.negotiation.model.PositionStatus;
import org.parley.negotiation.model.Source;

import java.time.Instant;
import java.util.List;

@Schema(name = "ClausePositionInput", description = "Where a party stands on a clause")
public record PositionInput(
        @Schema(required = true, examples = "contested") @NotNull PositionStatus status,
        @Schema(examples = "Rejects any limit on the size of its army") @Size(max = 5000) String note,
        @Schema(required = true, description = "At least one") @Size(max = 50) List<@NotNull @Valid Source> sources,
        @Schema(description = "When the stance was taken; defaults to now", examples = "2025-12-03T09:00:00Z") Instant recordedAt,
        @Schema(deprecated = true, description = "Ignored: the server records the subject of the caller's access token as recordedBy") @Size(max = 200) String recordedBy) {
}
