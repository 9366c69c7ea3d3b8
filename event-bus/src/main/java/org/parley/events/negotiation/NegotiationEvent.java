package org.parley.events.negotiation;

import org.parley.events.ParleyEvent;

import java.util.UUID;

/**
 * Events of a negotiation and of everything under it, on {@code parley.negotiations.v1}. All are keyed by
 * the negotiation, so that a consumer sees one negotiation's meetings, proposals, clauses and positions in
 * the order they happened.
 */
public sealed interface NegotiationEvent extends ParleyEvent
        permits NegotiationOpened, NegotiationUpdated,
                MeetingScheduled, MeetingUpdated, MeetingStatusChanged,
                ProposalTabled, ProposalUpdated, ProposalStatusChanged,
                ClauseAdded, ClauseUpdated, ClausesReordered,
                PositionRecorded, StatementRecorded, IncidentRecorded {

    UUID negotiationId();

    @Override
    default String partitionKey() {
        return negotiationId().toString();
    }
}
