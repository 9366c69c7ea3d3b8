package org.parley.negotiation.mapping;

import org.parley.negotiation.model.Negotiation;
import org.parley.negotiation.model.Participation;
import org.parley.negotiation.rest.NegotiatingParty;
import org.parley.negotiation.rest.NegotiationInput;
import org.parley.negotiation.rest.NegotiationView;
import org.parley.negotiation.service.RecordNegotiation;

import java.util.Comparator;
import java.util.List;

/** Between the negotiation and its API shapes. Parties come out sorted (role, then id), so that equal states have equal views. */
public final class NegotiationMapper {

    private NegotiationMapper() {
    }

    public static NegotiationView toView(Negotiation n) {
        List<NegotiatingParty> parties = n.parties.stream()
                .sorted(Comparator.comparing((Participation p) -> p.role).thenComparing(p -> p.partyId))
                .map(p -> new NegotiatingParty(p.partyId, p.role)).toList();
        return new NegotiationView(n.id, n.title, n.status, n.startedOn, n.endedOn, parties, n.createdAt, n.updatedAt);
    }

    public static RecordNegotiation toCommand(NegotiationInput input) {
        return new RecordNegotiation(input.title(), input.status(), input.startedOn(), input.endedOn(),
                input.parties().stream().map(p -> new RecordNegotiation.Participant(p.partyId(), p.role())).toList());
    }
}
