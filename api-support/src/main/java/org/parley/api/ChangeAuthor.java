package org.parley.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * Who makes the change a request asks for, and why: the subject of the verified token (never anything the
 * client writes in a body) and the optional {@value #REASON_HEADER} header. Services record both with every
 * write, in its events and its audit entry.
 */
@RequestScoped
public class ChangeAuthor {

    /** The header a client states the reason for a write in. */
    public static final String REASON_HEADER = "X-Change-Reason";
    public static final int MAX_REASON_LENGTH = 500;

    @Inject
    SecurityIdentity identity;

    @Inject
    HttpServerRequest request;

    /** The token's subject ({@code sub}); the services only serve writes to authenticated callers. */
    public String subject() {
        if (identity.isAnonymous()) {
            throw new IllegalStateException("A write reached the service without an authenticated caller");
        }
        if (identity.getPrincipal() instanceof org.eclipse.microprofile.jwt.JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    /** The stated reason, trimmed; null when none was given. A reason too long is a 400. */
    public String reason() {
        String reason = request.getHeader(REASON_HEADER);
        if (reason == null || reason.isBlank()) {
            return null;
        }
        if (reason.length() > MAX_REASON_LENGTH) {
            throw ApiException.badRequest(REASON_HEADER + " is " + reason.length() + " characters long; at most " + MAX_REASON_LENGTH + " are kept");
        }
        return reason.strip();
    }
}
