package org.parley.negotiation.rest;

import org.parley.api.ApiException;
import org.parley.api.Page;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Reads the query parameters of the statement, incident and timeline lists. JAX-RS turns a value that
 * fails conversion into a bare 404; these take strings so that a bad value gets a 400 that says what is wrong.
 */
final class TimelineParams {

    private TimelineParams() {
    }

    static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw bad(name, value, "a UUID");
        }
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw bad(name, value, "an ISO-8601 date such as 2024-03-14");
        }
    }

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw bad(name, value, "an ISO-8601 UTC timestamp such as 2024-03-14T00:00:00Z");
        }
    }

    static int page(String value) {
        int page = integer("page", value, 0);
        if (page < 0) {
            throw bad("page", value, "0 or more");
        }
        return page;
    }

    static int size(String value) {
        int size = integer("size", value, Page.DEFAULT_SIZE);
        if (size < 1 || size > Page.MAX_SIZE) {
            throw bad("size", value, "between 1 and " + Page.MAX_SIZE);
        }
        return size;
    }

    static void range(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.badRequest("Query parameter 'from' (" + from + ") is after 'to' (" + to + ")");
        }
    }

    private static int integer(String name, String value, int absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw bad(name, value, "a whole number");
        }
    }

    private static ApiException bad(String name, String value, String expected) {
        return ApiException.badRequest("Query parameter '" + name + "' has an invalid value '" + value + "': expected " + expected);
    }
}
