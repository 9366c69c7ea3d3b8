package org.parley.negotiation.service;

import org.parley.negotiation.model.Statement;

/** A statement with the envoy's name as the local copy of party-service's envoys has it (null when not there). */
public record StatementByEnvoy(Statement statement, String envoyName) {
}
