package org.parley.negotiation.service;

import org.parley.negotiation.model.DatePrecision;
import org.parley.negotiation.model.Source;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Record a quote by an envoy, verbatim. A null precision is derived from whether saidOn is given. */
public record RecordStatement(
        UUID negotiationId,
        UUID envoyId,
        UUID meetingId,
        UUID proposalId,
        String quote,
        LocalDate saidOn,
        DatePrecision saidOnPrecision,
        String saidOnAsReported,
        String context,
        List<Source> sources) {
}
