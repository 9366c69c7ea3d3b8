package org.parley.party.service;

import java.time.LocalDate;
import java.util.UUID;

/** End an envoy's mandate on {@code endedOn}, for a reason (blank is none). */
public record EndMandate(LocalDate endedOn, String reason) {

    public EndMandate {
        reason = CommandText.blankToNull(reason);
    }
}
