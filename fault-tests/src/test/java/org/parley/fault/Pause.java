package org.parley.fault;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waiting for a condition that the real system makes true eventually; the limit only bounds a failing run. */
final class Pause {

    private Pause() {
    }

    static void briefly() {
        sleep(Duration.ofMillis(250));
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** @return when the condition first held */
    static Instant until(String what, Duration patience, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(patience);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not within " + patience.toSeconds() + " s: " + what);
            }
            briefly();
        }
        return Instant.now();
    }
}
