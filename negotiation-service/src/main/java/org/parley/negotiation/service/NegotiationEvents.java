package org.parley.negotiation.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.parley.negotiation.model.Clause;
import org.parley.negotiation.model.Meeting;
import org.parley.negotiation.model.MeetingStatus;
import org.parley.negotiation.model.Negotiation;
import org.parley.negotiation.model.PartyPosition;
import org.parley.negotiation.model.PositionStatus;
import org.parley.negotiation.model.Proposal;
import org.parley.negotiation.model.ProposalStatus;

import java.util.List;
import java.util.UUID;

/** Writes the event of each change into the outbox, in the caller's transaction. */
@ApplicationScoped
public class NegotiationEvents {

    public void negotiationStarted(Negotiation n) {
    }

    public void negotiationUpdated(Negotiation n) {
    }

    public void meetingScheduled(Meeting m) {
    }

    public void meetingUpdated(Meeting m) {
    }

    public void meetingStatusChanged(Meeting m, MeetingStatus previous) {
    }

    public void proposalTabled(Proposal p) {
    }

    public void proposalUpdated(Proposal p) {
    }

    public void proposalStatusChanged(Proposal p, ProposalStatus previous, UUID supersededBy) {
    }

    public void clauseAdded(Clause c, Proposal p) {
    }

    public void clauseEdited(Clause c, Proposal p) {
    }

    public void clausesReordered(Proposal p, List<UUID> clauseIds) {
    }

    public void positionChanged(PartyPosition position, PositionStatus previous) {
    }
}
