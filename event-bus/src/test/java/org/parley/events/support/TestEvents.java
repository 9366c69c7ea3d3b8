package org.parley.events.support;

import org.parley.events.negotiation.SourceRef;
import org.parley.events.negotiation.StatementRecorded;
import org.parley.events.party.PartyData;
import org.parley.events.party.PartyUpdated;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Events with a chosen key, for the tests that follow keys. */
public final class TestEvents {

    private static final SourceRef SOURCE = new SourceRef("Reuters", "https://example.org/kremlin-talks", LocalDate.parse("2025-12-03"), null);

    private TestEvents() {
    }

    public static StatementRecorded statement(UUID negotiationId, String quote) {
        return new StatementRecorded(UUID.randomUUID(), negotiationId, UUID.randomUUID(), "Vladimir Putin", UUID.randomUUID(), quote,
                LocalDate.parse("2025-12-02"), "exact_day", null, null, null, null, List.of(SOURCE), Instant.now());
    }

    public static PartyUpdated partyUpdated(UUID partyId, String name) {
        return new PartyUpdated(new PartyData(partyId, "ua", name, "state", "UA", "belligerent", Instant.now(), 1));
    }
}
