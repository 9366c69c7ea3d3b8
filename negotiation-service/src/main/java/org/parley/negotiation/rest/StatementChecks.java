package org.parley.negotiation.rest;

import jakarta.validation.ConstraintValidatorContext;
import org.parley.api.Vocabulary;
import org.parley.negotiation.model.DatePrecision;
import org.parley.negotiation.model.Source;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Cross-field rules shared by the fact records (statements and incidents), written as violations on the
 * field the client has to change so that they come back in the problem's {@code violations} list.
 */
final class StatementChecks {

    private final ConstraintValidatorContext context;
    private boolean valid = true;

    StatementChecks(ConstraintValidatorContext context) {
        this.context = context;
        context.disableDefaultConstraintViolation();
    }

    boolean valid() {
        return valid;
    }

    void fail(String field, String message) {
        valid = false;
        context.buildConstraintViolationWithTemplate(escape(message)).addPropertyNode(field).addConstraintViolation();
    }

    /** exact_day and approximate claim a date; unknown claims none; a dateless night or weekday needs its words. */
    void datePrecision(LocalDate date, DatePrecision precision, String asReported, String precisionField) {
        if (precision == null) {
            return;
        }
        if (!DatePrecision.FOR_DAY.contains(precision)) {
            fail(precisionField, Vocabulary.wireName(precision) + " is not a precision of a day; use exact_day, night, weekday_as_reported, approximate or unknown");
        } else if (date == null && precision.needsDate()) {
            fail(precisionField, Vocabulary.wireName(precision) + " needs a date; without one use weekday_as_reported, night or unknown");
        } else if (date != null && precision.forbidsDate()) {
            fail(precisionField, "unknown cannot go with a date; leave the date out or say how precise it is");
        } else if (date == null && (asReported == null || asReported.isBlank()) && precision != DatePrecision.UNKNOWN) {
            fail(precisionField, Vocabulary.wireName(precision) + " without a date needs the date as reported (e.g. \"Thursday\", \"overnight\")");
        }
    }

    /** Source URLs are links a reader follows: absolute http(s) only. */
    void sourceUrls(List<Source> sources) {
        if (sources == null) {
            return;
        }
        for (int i = 0; i < sources.size(); i++) {
            Source source = sources.get(i);
            if (source != null && source.url() != null && !isWebAddress(source.url())) {
                valid = false;
                context.buildConstraintViolationWithTemplate("must be an absolute http or https URL")
                        .addPropertyNode("sources").addPropertyNode("url").inIterable().atIndex(i)
                        .addConstraintViolation();
            }
        }
    }

    static boolean isWebAddress(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return uri.isAbsolute() && (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** Messages are templates; a client's words must not be read as expressions. */
    private static String escape(String message) {
        return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
}
