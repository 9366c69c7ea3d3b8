package org.parley.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The one reading of {@code updated_since} (and of every other instant-valued filter) in both services: an
 * ISO 8601 timestamp with an offset ({@code 2025-12-02T16:00:00Z}, {@code 2025-12-02T18:00:00+02:00}) or a
 * date meaning its start in UTC ({@code 2025-12-02}), in years 1 to 9999. The bound is inclusive everywhere:
 * an item changed exactly at that instant is returned.
 */
public final class UpdatedSince {

    public static final String FORMATS = "an ISO 8601 timestamp with an offset such as 2025-12-02T16:00:00Z, or a date such as 2025-12-02 "
            + "(its start, UTC), in years 1 to 9999";

    private UpdatedSince() {
    }

    /** The instant, or null when the text is neither form (or out of range). */
    public static Instant parse(String value) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        try {
            OffsetDateTime time = text.length() == 10
                    ? LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC)
                    : OffsetDateTime.parse(text);
            int year = time.withOffsetSameInstant(ZoneOffset.UTC).getYear();
            return year >= 1 && year <= 9999 ? time.toInstant() : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
