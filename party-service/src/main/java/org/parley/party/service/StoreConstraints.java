package org.parley.party.service;

import jakarta.persistence.PersistenceException;
import org.hibernate.exception.ConstraintViolationException;
import org.parley.api.ApiException;

import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The services check uniqueness and references before writing and answer 409 or 422 themselves; the
 * database constraints are there for the writer that slipped in between the check and the commit. This
 * turns such a violation into the same answer the check would have given, instead of a 500.
 */
final class StoreConstraints {

    private StoreConstraints() {
    }

    static void flush(Runnable flush, Map<String, Supplier<ApiException>> answers) {
        try {
            flush.run();
        } catch (PersistenceException e) {
            String constraint = constraintName(e);
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

    private static String constraintName(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation && violation.getConstraintName() != null) {
                return violation.getConstraintName().toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }
}
