package org.parley.api;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What PostgreSQL refused in a failed write, read from the SQLException in the cause chain (java.sql only, so
 * that the gateway, which has no Hibernate, can share the mappers): a constraint (SQLState class 23) or a value
 * it cannot store (class 22).
 */
public record StoreRefusal(Kind kind, String constraint, String message) {

    public enum Kind { CONSTRAINT, VALUE }

    // PostgreSQL names the constraint this way in every integrity error (unique, foreign key, check,
    // exclusion); Hibernate's own PostgreSQL extractor reads it from the same text.
    private static final Pattern CONSTRAINT = Pattern.compile("constraint \"([^\"]+)\"");

    public static Optional<StoreRefusal> of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String message = sql.getMessage() == null ? "" : sql.getMessage().split("\n")[0];
                if (sql.getSQLState().startsWith("23")) {
                    Matcher name = CONSTRAINT.matcher(message);
                    return Optional.of(new StoreRefusal(Kind.CONSTRAINT, name.find() ? name.group(1).toLowerCase(Locale.ROOT) : null, message));
                }
                if (sql.getSQLState().startsWith("22")) {
                    return Optional.of(new StoreRefusal(Kind.VALUE, null, message));
                }
            }
        }
        return Optional.empty();
    }
}
