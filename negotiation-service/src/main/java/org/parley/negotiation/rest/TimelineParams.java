package org.parley.negotiation.rest;

import org.parley.api.ApiException;
import org.parley.api.Page;
import org.parley.negotiation.config.StorableInput;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Query parameters of the statement, incident and timeline lists that {@link Params} does not cover: days
 * (inclusive bounds on a date, not an instant) and paging read from strings, so that "abc" gets a 400 too.
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
        String shown = value.length() > 100 ? value.substring(0, 100) + "…" : value;
        return ApiException.badRequest("Query parameter '" + name + "' has an invalid value '" + shown + "': expected " + expected);
    }
}
