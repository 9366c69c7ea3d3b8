package org.parley.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.parley.events.DatabaseOutage;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every failure into an RFC 9457 problem response. Anything the client caused gets a 4xx that says
 * what to fix; a database that cannot be reached gets 503 with Retry-After ({@link DatabaseOutage}); anything
 * else gets a bare 500 that is logged here and never shows a stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** A PostgreSQL restart or failover takes seconds; the pool's acquisition timeout is of the same order. */
    static final int DATABASE_RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        return problem(e.status(), e.kind(), e.title(), e.getMessage(), uri, List.of());
    }

    /** No token, or one that does not verify (signature, issuer, audience, expiry): 401, naming the role needed. */
    @ServerExceptionMapper({io.quarkus.security.UnauthorizedException.class, io.quarkus.security.AuthenticationFailedException.class,
            io.quarkus.security.AuthenticationCompletionException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri, ResourceInfo resource, HttpHeaders headers) {
        boolean tokenSent = headers.getHeaderString(HttpHeaders.AUTHORIZATION) != null;
        String detail = (tokenSent ? "The bearer token is not valid here (expired, not signed by the trusted issuer, or for another audience)"
                : "Send an access token in Authorization: Bearer") + "; this operation needs " + Roles.describe(Roles.allowed(resource));
        return Response.fromResponse(problem(401, "unauthorized", "Unauthorized", detail, uri, List.of()))
                .header("WWW-Authenticate", tokenSent ? "Bearer error=\"invalid_token\"" : "Bearer")
                .build();
    }

    /** A valid token without a role this operation admits: 403, naming the roles that would do. */
    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri, ResourceInfo resource) {
        return problem(403, "forbidden", "Forbidden",
                "Your token's roles do not allow this; it needs " + Roles.describe(Roles.allowed(resource)), uri, List.of());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        String detail = violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
        return problem(400, "validation", "Invalid request", detail, uri, violations);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = path(e);
        return problem(400, "malformed-body", "Malformed request body",
                "Unknown field '" + field + "'" + known(e), uri, List.of(new Problem.Violation(field, "unknown field")));
    }

    @ServerExceptionMapper
    public Response invalidValue(InvalidFormatException e, UriInfo uri) {
        String field = path(e);
        String allowed = e.getTargetType() != null && e.getTargetType().isEnum()
                ? "; allowed: " + java.util.Arrays.stream(e.getTargetType().getEnumConstants()).map(Object::toString).map(String::toLowerCase).collect(Collectors.joining(", "))
                : "";
        return problem(400, "malformed-body", "Malformed request body",
                "Field '" + field + "' has an invalid value '" + e.getValue() + "'" + allowed, uri,
                List.of(new Problem.Violation(field, "invalid value" + allowed)));
    }

    /** Declared for its exact type too, because Quarkus ships a body-less mapper for it that would otherwise win. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        if (e.getPath().isEmpty()) {
            return problem(400, "malformed-body", "Malformed request body", "The body must be a JSON object", uri, List.of());
        }
        String field = path(e);
        return problem(400, "malformed-body", "Malformed request body", "Field '" + field + "' has the wrong JSON type", uri,
                List.of(new Problem.Violation(field, "wrong JSON type")));
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e, UriInfo uri) {
        String where = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty() ? " at '" + path(mapping) + "'" : "";
        String reason = e.getOriginalMessage() == null ? "not valid JSON" : e.getOriginalMessage().split("\n")[0];
        return problem(400, "malformed-body", "Malformed request body", "The body is not valid" + where + ": " + reason, uri, List.of());
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return problem(412, "precondition-failed", "Precondition failed",
                "The resource was changed by someone else at the same time; read it again and reapply your change", uri, List.of());
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformed(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "HTTP " + status : type.getReasonPhrase();
        String detail = status == 404 ? "No resource at this path" : e.getMessage();
        return problem(status, ProblemType.forStatus(status).slug(), title, detail, uri, List.of());
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (DatabaseOutage.isCauseOf(e)) {
            return databaseUnavailable(e, uri);
        }
        java.util.Optional<StoreRefusal> refusal = StoreRefusal.of(e);
        if (refusal.isPresent()) {
            return refused(refusal.get(), uri);
        }
        LOG.error("Unexpected failure", e);
        return problem(500, "internal", "Internal error", "The request could not be completed; it has been logged", uri, List.of());
    }

    /**
     * The database cannot be reached (down, restarting, or no pooled connection in time): not the request's
     * fault, and worth retrying, so 503 with Retry-After rather than 500. Whatever the request wrote was rolled
     * back with its transaction. Logged without the stack trace: the cause is the outage, not this request.
     */
    static Response databaseUnavailable(Throwable e, UriInfo uri) {
        LOG.warnf("Database unreachable, answering 503: %s", rootMessage(e));
        return Response.fromResponse(problem(503, ProblemType.SERVICE_UNAVAILABLE.slug(), ProblemType.SERVICE_UNAVAILABLE.title(),
                        "The service's database cannot be reached right now; nothing was changed. Retry after "
                                + DATABASE_RETRY_AFTER_SECONDS + " seconds", uri, List.of()))
                .header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER_SECONDS)
                .build();
    }

    /**
     * The database refused the write, for a case the service's own checks cannot close: a unique key taken by a
     * concurrent write (409, a retry after reading again can succeed) or a value PostgreSQL will not store (400).
     * The transaction was rolled back with it.
     */
    static Response refused(StoreRefusal refusal, UriInfo uri) {
        if (refusal.kind() == StoreRefusal.Kind.CONSTRAINT) {
            return problem(409, "conflict", "Conflict", "Another write changed the same data at the same time ("
                    + (refusal.constraint() == null ? "a constraint" : refusal.constraint()) + "); read it again and retry", uri, List.of());
        }
        return problem(400, "bad-request", "Bad request", "A value cannot be stored: " + refusal.message().replaceFirst("^ERROR: ", ""), uri, List.of());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    static Response problem(int status, String kind, String title, String detail, UriInfo uri, List<Problem.Violation> violations) {
        Problem body = new Problem(Problem.TYPE_BASE + kind, title, status, detail, uri == null ? null : "/" + uri.getPath().replaceFirst("^/", ""), violations);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    /** {@code create.body.name} becomes {@code name}: the client knows fields, not Java method names. */
    private static String field(ConstraintViolation<?> violation) {
        // Hibernate Validator names container elements "<list element>"; the index before it is enough.
        String path = violation.getPropertyPath().toString().replaceAll("\\.<[^>]+>", "");
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String known(UnrecognizedPropertyException e) {
        if (e.getKnownPropertyIds() == null || e.getKnownPropertyIds().isEmpty()) {
            return "";
        }
        return "; known fields: " + e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
    }
}
