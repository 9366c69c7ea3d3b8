package org.parley.api;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The services check uniqueness and references before writing and answer 409 or 422 themselves; the database
 * constraints are there for the writer that slips in between the check and the commit. {@link #flush} turns
 * such a violation into the answer the check would have given. A violation no caller anticipated still
 * becomes a 409 (and a value the database cannot store a 400) in {@link ProblemMappers}, never a 500.
 */
public final class StoreConstraints {

    private StoreConstraints() {
    }

    /**
     * Runs {@code flush} (the EntityManager's, so the constraints are checked now, inside the service) and
     * answers a violated constraint whose name contains one of {@code answers}' keys with that answer.
     */
    public static void flush(Runnable flush, Map<String, Supplier<ApiException>> answers) {
        try {
            flush.run();
        } catch (RuntimeException e) {
            String constraint = StoreRefusal.of(e).map(StoreRefusal::constraint).orElse(null);
            if (constraint != null) {
                for (Map.Entry<String, Supplier<ApiException>> answer : answers.entrySet()) {
                    if (constraint.contains(answer.getKey())) {
                        throw answer.getValue().get();
                    }
                }
            }
            throw e;
        }
    }
}
