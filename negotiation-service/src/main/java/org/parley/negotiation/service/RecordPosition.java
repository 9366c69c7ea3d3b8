package org.parley.negotiation.service;

import org.parley.negotiation.model.PositionStatus;
import org.parley.negotiation.model.Source;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Record where a party stands on a clause or a whole proposal. {@code recordedAt} null means now;
 * {@code affectedClauseIds} is for a stand on a whole proposal only, null when the party did not say which.
 * Who records it is not asked: it is the token's subject.
 */
public record RecordPosition(PositionStatus status, String note, List<Source> sources, Instant recordedAt,
                             List<UUID> affectedClauseIds) {
}
