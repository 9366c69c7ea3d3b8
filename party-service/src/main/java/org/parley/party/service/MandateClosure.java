package org.parley.party.service;

import org.parley.party.rest.MandateInOrder;

import java.time.LocalDate;

/** The stored start of a mandate and the end a client asks for, checked with the same rule as a whole envoy. */
@MandateInOrder(end = "endedOn", message = "must not be before the start of the mandate (mandateFrom)")
record MandateClosure(LocalDate mandateFrom, LocalDate endedOn) implements MandateInOrder.Span {

    @Override
    public LocalDate mandateEnd() {
        return endedOn;
    }
}
