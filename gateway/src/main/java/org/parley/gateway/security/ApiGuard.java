package org.parley.gateway.security;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.parley.api.Roles;
import org.parley.api.security.VerifiedTokens;
import org.parley.gateway.config.AccessConfig;
import org.parley.gateway.routing.ApiProxy;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Stands in front of everything under {@code /api/v1}, the proxied services and the gateway's own alert
 * stream alike, and lets a request through only when
 * <ol>
 *   <li>its body is within {@code parley.access.max-body-size} ({@code 413} otherwise, {@code 411} for a body of unknown length);</li>
 *   <li>it carries a bearer token that SmallRye JWT verifies against the trusted issuer: signature (JWKS),
 *       issuer, audience and expiry ({@code 401} otherwise); a token verified moments ago is not verified
 *       again until its expiry or a short TTL ({@link VerifiedTokens});</li>
 *   <li>the token has a role {@link AccessRules} admits for the method and path ({@code 403} otherwise, naming the roles);</li>
 *   <li>its subject is within its rate limit ({@code 429} with {@code Retry-After} otherwise).</li>
 * </ol>
 * The token is forwarded unchanged: each service checks it again and enforces its own per-operation rules.
 * CORS preflights never get here: Quarkus' CORS filter answers them first ({@code quarkus.http.cors.*}).
 */
@ApplicationScoped
public class ApiGuard {

    private static final Logger LOG = Logger.getLogger(ApiGuard.class);
    private static final String BEARER = "Bearer ";

    /** Shared with the services' bearer-token authentication (api-support): one cache, one set of rules. */
    @Inject
    VerifiedTokens tokens;

    @Inject
    AccessConfig config;

    private RateLimiter limiter;

    /** Before the API proxy (order -100) and the alert stream (-90). */
    void install(@Observes Router router) {
        limiter = new RateLimiter(config.rateLimit().requests(), config.rateLimit().period());
        router.route("/api/v1*").order(-110).handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (!withinSizeLimit(context)) {
            return;
        }
        List<String> allowed = AccessRules.allowed(request.method().name(), context.normalizedPath());
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            refuse(context, 401, "unauthorized", "Unauthorized",
                    "Send an access token in Authorization: Bearer; this operation needs " + Roles.describe(allowed));
            return;
        }
        String token = authorization.substring(BEARER.length()).strip();
        Optional<VerifiedTokens.Principal> known = tokens.cached(token);
        if (known.isPresent()) {
            // The token's signature was checked moments ago: decide here, on the event loop, without a worker hop.
            admit(context, known.get(), allowed);
            return;
        }
        // Verifying may fetch the issuer's JWKS (blocking I/O, cached afterwards); the body waits meanwhile.
        request.pause();
        context.vertx().executeBlocking(() -> tokens.verify(token), false).onComplete(verified -> {
            if (verified.failed()) {
                LOG.debugf("Token refused on %s %s: %s", request.method(), request.path(), verified.cause().getMessage());
                refuse(context, 401, "unauthorized", "Unauthorized",
                        "The bearer token is not valid here (expired, not signed by the trusted issuer, or for another audience); "
                                + "this operation needs " + Roles.describe(allowed));
                return;
            }
            request.resume();
            admit(context, verified.result(), allowed);
        });
    }

    /** A verified token: its roles, then its subject's rate limit. */
    private void admit(RoutingContext context, VerifiedTokens.Principal principal, List<String> allowed) {
        if (Collections.disjoint(principal.roles(), allowed)) {
            refuse(context, 403, "forbidden", "Forbidden", "Your token's roles do not allow this; it needs " + Roles.describe(allowed));
            return;
        }
        long retryAfter = limiter.acquire(principal.subject());
        if (retryAfter > 0) {
            context.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
            refuse(context, 429, "too-many-requests", "Too many requests",
                    "More than " + config.rateLimit().requests() + " requests in " + config.rateLimit().period().toSeconds()
                            + " s for " + principal.subject() + "; try again in " + retryAfter + " s");
            return;
        }
        context.next();
    }

    private boolean withinSizeLimit(RoutingContext context) {
        HttpServerRequest request = context.request();
        long max = config.maxBodySize().asLongValue();
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                refuse(context, 400, "bad-request", "Bad request", "Content-Length is not a number");
                return false;
            }
            if (declared > max) {
                refuse(context, 413, "payload-too-large", "Payload too large",
                        "The body has " + declared + " bytes; the gateway accepts at most " + max);
                return false;
            }
        } else if (request.headers().contains(HttpHeaders.TRANSFER_ENCODING, "chunked", true)) {
            refuse(context, 411, "length-required", "Length required",
                    "Send the body with a Content-Length (at most " + max + " bytes), not chunked");
            return false;
        }
        return true;
    }

    /** An RFC 9457 problem, as the services write them; the connection is closed when a body may be left unread. */
    private static void refuse(RoutingContext context, int status, String kind, String title, String detail) {
        HttpServerRequest request = context.request();
        JsonObject problem = new JsonObject()
                .put("type", ApiProxy.PROBLEM_TYPE_BASE + kind)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", request.path());
        if (status == 401) {
            context.response().putHeader("WWW-Authenticate",
                    request.getHeader(HttpHeaders.AUTHORIZATION) == null ? "Bearer" : "Bearer error=\"invalid_token\"");
        }
        if (!request.isEnded()) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        request.resume();
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json").end(problem.encode());
    }
}
