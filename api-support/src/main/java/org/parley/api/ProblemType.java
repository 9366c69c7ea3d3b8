package org.parley.api;

import java.util.Arrays;
import java.util.List;

/**
 * The registry of problem types: every {@code type} URI a Parley problem document can carry. Clients are
 * told to match on {@code type}, so the list is closed, published as the enum of {@code Problem.type} in the
 * OpenAPI document (by {@link ContractFilter}) and in docs/api.md; a new kind of refusal is added here first.
 */
public enum ProblemType {
    VALIDATION("validation", "Invalid request", "A body field or a parameter breaks a rule; `violations` lists each one"),
    MALFORMED_BODY("malformed-body", "Malformed request body", "The body is not JSON, has an unknown field, a wrong JSON type or a value outside a vocabulary"),
    INVALID_PAGE_TOKEN("invalid-page-token", "Invalid page token", "page_token is not one this API wrote, was altered, or belongs to other filters or another sort; start again without it"),
    BAD_REQUEST("bad-request", "Bad request", "A parameter or the request as a whole cannot be read (a bad id, date or sort key)"),
    UNAUTHORIZED("unauthorized", "Unauthorized", "No access token, or one that is expired, from another issuer or for another audience"),
    FORBIDDEN("forbidden", "Forbidden", "The token's roles do not allow this operation; the detail names the roles that do"),
    NOT_FOUND("not-found", "Not found", "No resource with this id, or no such path"),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method Not Allowed", "The path exists but not with this method"),
    NOT_ACCEPTABLE("not-acceptable", "Not Acceptable", "None of the media types in Accept can be produced"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported Media Type", "The body is not application/json"),
    CONFLICT("conflict", "Conflict", "The change conflicts with what is stored: a slug taken, a party still referred to, an invalid status transition"),
    PRECONDITION_FAILED("precondition-failed", "Precondition failed", "If-Match names an older version; read again and reapply the change"),
    LENGTH_REQUIRED("length-required", "Length required", "A body sent without Content-Length (chunked) to the gateway, which caps body sizes"),
    PAYLOAD_TOO_LARGE("payload-too-large", "Payload too large", "The body is larger than the gateway's cap"),
    TOO_MANY_REQUESTS("too-many-requests", "Too many requests", "The subject is past its rate limit; retry after Retry-After"),
    PRECONDITION_REQUIRED("precondition-required", "Precondition required", "If-Match is missing on an update"),
    UNKNOWN_REFERENCE("unknown-reference", "Unknown reference", "The body names a party, envoy, negotiation, proposal or clause that does not exist (yet)"),
    SOURCE_REQUIRED("source-required", "Source required", "A fact was sent without a source"),
    NOT_A_PARTICIPANT("not-a-participant", "Not a participant", "A party takes a position in a negotiation it does not take part in"),
    NEGOTIATION_MISMATCH("negotiation-mismatch", "Reference to another negotiation", "A statement or position links to something of another negotiation"),
    INVALID_LINEAGE("invalid-lineage", "Invalid lineage", "A clause derives from a clause that is not in the proposal's predecessor"),
    INTERNAL("internal", "Internal error", "A fault on Parley's side; logged, with no detail"),
    OPENAPI_CONFLICT("openapi-conflict", "The API description is inconsistent", "The gateway cannot merge the services' OpenAPI documents"),
    SERVICE_UNAVAILABLE("service-unavailable", "Service unavailable", "The service behind the gateway or its database is down, or the feature is off; nothing was changed, retry later (Retry-After)"),
    GATEWAY_TIMEOUT("gateway-timeout", "Gateway timeout", "The service behind the gateway did not answer in time; a write may or may not have been applied");

    public static final String BASE = "https://parley.example/problems/";

    private final String slug;
    private final String title;
    private final String meaning;

    ProblemType(String slug, String title, String meaning) {
        this.slug = slug;
        this.title = title;
        this.meaning = meaning;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String meaning() {
        return meaning;
    }

    public String uri() {
        return BASE + slug;
    }

    public static List<String> uris() {
        return Arrays.stream(values()).map(ProblemType::uri).toList();
    }

    public static ProblemType ofSlug(String slug) {
        for (ProblemType type : values()) {
            if (type.slug.equals(slug)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Problem type '" + slug + "' is not in the registry (ProblemType)");
    }

    /** The type of a framework-level refusal, by status: anything not in the registry is reported as bad-request or internal. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 412 -> PRECONDITION_FAILED;
            case 411 -> LENGTH_REQUIRED;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 428 -> PRECONDITION_REQUIRED;
            case 429 -> TOO_MANY_REQUESTS;
            case 503 -> SERVICE_UNAVAILABLE;
            case 504 -> GATEWAY_TIMEOUT;
            default -> status >= 500 ? INTERNAL : BAD_REQUEST;
        };
    }
}
