package org.parley.events;

import java.time.Duration;
import java.time.Instant;

/** The relay's wait between attempts while Kafka or the database is unreachable: doubling from 200 ms up to a maximum. */
final class Backoff {

    private static final Duration FIRST = Duration.ofMillis(200);

    private final Duration max;
    private Duration next;
    private Instant nextAttempt;

    Backoff(Duration max) {
        this.max = max;
        reset();
    }

    /** @return how long until the next attempt; each call doubles the following wait, up to the maximum */
    Duration schedule() {
        Duration wait = next;
        nextAttempt = Instant.now().plus(wait);
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return wait;
    }

    /** Back to the first wait, and an attempt is due now. */
    void reset() {
        next = FIRST.compareTo(max) > 0 ? max : FIRST;
        nextAttempt = Instant.MIN;
    }

    /** An attempt is due now, without forgetting how long the waits have grown. */
    void attemptNow() {
        nextAttempt = Instant.MIN;
    }

    boolean due() {
        return !Instant.now().isBefore(nextAttempt);
    }

    Instant nextAttempt() {
        return nextAttempt;
    }

    /** The wait the next {@link #schedule} will give. */
    Duration next() {
        return next;
    }

    Duration max() {
        return max;
    }
}
