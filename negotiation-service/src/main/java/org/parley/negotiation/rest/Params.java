package org.parley.negotiation.rest;

import org.parley.api.UpdatedSince;

import org.parley.api.ApiException;

import java.time.Instant;
import java.util.UUID;

/**
 * Query parameters arrive as strings and are read here: JAX-RS answers a failed conversion of a query
 * parameter with a bare 404, where a client deserves a 400 that names the parameter.
 */
final class Params {

    private Params() {
    }

    static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw invalid(name, value, "a UUID");
        }
    }

    /** An instant (2025-12-02T16:00:00Z) or, for convenience, a date (2025-12-02, meaning its start in UTC). */
    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant = UpdatedSince.parse(value);
        if (instant == null) {
            throw invalid(name, value, UpdatedSince.FORMATS);
        }
        return instant;
    }

    private static ApiException invalid(String name, String value, String expected) {
        return new ApiException(400, "bad-request", "Bad request", "Query parameter '" + name + "' has an invalid value '" + value + "'; expected " + expected);
    }
}
