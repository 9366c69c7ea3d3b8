package org.parley.party.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Documentation only: the schema of {@code Page<EnvoyView>} under a name this service owns (see {@link PartyPage}). */
@Schema(name = "EnvoyPage", description = "One page of envoys")
record EnvoyPage(
        @Schema(description = "The envoys of this page") List<EnvoyView> items,
        @Schema(description = "Zero-based page number", examples = "0") int page,
        @Schema(description = "Page size asked for", examples = "50") int size,
        @Schema(description = "Envoys across all pages that match the filters") long totalItems,
        @Schema(description = "Number of pages") int totalPages) {
}
