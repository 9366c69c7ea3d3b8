package org.parley.party.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Documentation only: the schema of {@code Page<PartyView>} under a name this service owns. Left to itself
 * the generator would call it PagePartyView, after Java class names.
 */
@Schema(name = "PartyPage", description = "One page of parties")
record PartyPage(
        @Schema(description = "The parties of this page") List<PartyView> items,
        @Schema(description = "Zero-based page number", examples = "0") int page,
        @Schema(description = "Page size asked for", examples = "50") int size,
        @Schema(description = "Parties across all pages that match the filters") long totalItems,
        @Schema(description = "Number of pages") int totalPages) {
}
