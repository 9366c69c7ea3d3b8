package org.parley.party.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

final class Timestamps {

    private Timestamps() {
    }

    /** PostgreSQL keeps microseconds; truncating here makes what a write returns equal to what a read returns. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
