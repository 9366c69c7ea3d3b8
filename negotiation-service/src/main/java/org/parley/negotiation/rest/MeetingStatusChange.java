package org.parley.negotiation.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.negotiation.model.MeetingStatus;

@Schema(name = "MeetingStatusChange", description = "Mark a meeting held, cancelled, postponed or scheduled again")
public record MeetingStatusChange(
        @Schema(required = true, examples = "held") @NotNull MeetingStatus status,
        @Schema(examples = "Ended after five hours without a breakthrough") @Size(max = 2000) String note) {
}
