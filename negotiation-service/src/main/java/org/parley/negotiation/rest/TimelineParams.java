package org.parley.negotiation.rest;

import org.parley.api.ApiException;
import org.parley.api.StorableInput;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Query parameters of the statement, incident and timeline lists that {@link Params} does not cover: days
 * (inclusive bounds on a date, not an instant) and free text.
 */
final class TimelineParams {

    private TimelineParams() {
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw bad(name, value, "an ISO-8601 date such as 2024-03-14");
        }
        if (!StorableInput.storable(date.getYear())) {
            throw bad(name, value, "a year between " + StorableInput.FIRST_YEAR + " and " + StorableInput.LAST_YEAR);
        }
        return date;
    }

    /** Free text matched in the database, which cannot hold a NUL character. */
    static String text(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.indexOf('\u0000') >= 0 || value.length() > 200) {
            throw bad(name, value.replace("\u0000", "\\0"), "text of at most 200 characters without a NUL character");
        }
        return value.strip();
    }

    static void range(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.badRequest("Query parameter 'from' (" + from + ") is after 'to' (" + to + ")");
        }
    }

    private static ApiException bad(String name, String value, String expected) {
        String shown = value.length() > 100 ? value.substring(0, 100) + "…" : value;
        return ApiException.badRequest("Query parameter '" + name + "' has an invalid value '" + shown + "': expected " + expected);
    }
}
