package org.parley.negotiation.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

@Schema(name = "ClauseOrder", description = "Every clause id of the proposal, each once, in the new order")
public record ClauseOrder(@Schema(required = true) @NotNull @Size(max = 2000) List<@NotNull UUID> clauseIds) {
}
