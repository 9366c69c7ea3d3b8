package org.parley.bench;

/** A benchmark that cannot go on: the stack, a service or a tool failed. */
final class BenchException extends RuntimeException {

    BenchException(String message) {
        super(message);
    }

    BenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
