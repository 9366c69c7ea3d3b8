package org.parley.events;

/**
 * A database failure in the outbox or the inbox. Unchecked, so that it rolls back the caller's transaction
 * like any other runtime exception; the {@link java.sql.SQLException} is the cause.
 */
public final class EventBusException extends RuntimeException {

    public EventBusException(String message, Throwable cause) {
        super(message, cause);
    }
}
