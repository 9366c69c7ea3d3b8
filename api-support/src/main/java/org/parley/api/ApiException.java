package org.parley.api;

import jakarta.ws.rs.core.Response;

/**
 * A request the service understood but refuses, with the status and the words the client should see.
 * The factory methods name the cases the API conventions use, so that every service says them alike.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String kind;
    private final String title;

    /** {@code kind} must be a slug of the {@link ProblemType} registry: a type clients cannot look up is a bug here. */
    public ApiException(int status, String kind, String title, String detail) {
        super(detail);
        this.status = status;
        this.kind = ProblemType.ofSlug(kind).slug();
        this.title = title;
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(404, "not-found", "Not found", what + " " + id + " does not exist");
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "conflict", "Conflict", detail);
    }

    /** A reference in the body to something that does not exist: the request is well-formed but cannot be applied. */
    public static ApiException unknownReference(String detail) {
        return new ApiException(422, "unknown-reference", "Unknown reference", detail);
    }

    public static ApiException unprocessable(String kind, String title, String detail) {
        return new ApiException(422, kind, title, detail);
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, "bad-request", "Bad request", detail);
    }

    public int status() {
        return status;
    }

    public String kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    Response.StatusType statusType() {
        return Response.Status.fromStatusCode(status);
    }
}
