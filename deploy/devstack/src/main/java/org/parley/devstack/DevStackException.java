package org.parley.devstack;

/**
 * A failure a person can act on. Its message is one line that says what went wrong and what to do,
 * so the command line prints it instead of a stack trace.
 */
public class DevStackException extends RuntimeException {

    public DevStackException(String message) {
        super(message);
    }

    public DevStackException(String message, Throwable cause) {
        super(message, cause);
    }
}
