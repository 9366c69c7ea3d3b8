package org.parley.negotiation.service;

import org.parley.negotiation.model.ClauseTopic;

import java.util.UUID;

/** Add a clause at the end of a proposal, or replace a clause's label, heading, text, topic and lineage. */
public record RecordClause(String label, String heading, String text, ClauseTopic topic, UUID derivedFromClauseId) {
}
