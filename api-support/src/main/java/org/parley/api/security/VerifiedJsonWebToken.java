package org.parley.api.security;

import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;

/**
 * A verified token as a service's requests see it: what {@link VerifiedTokens} keeps (subject, groups, expiry)
 * and the raw token of the request at hand, which is never kept beyond it. The name is the subject, as the audit
 * trail records it ({@code ChangeAuthor}).
 */
public final class VerifiedJsonWebToken implements JsonWebToken {

    private static final Set<String> CLAIMS = Set.of(Claims.sub.name(), Claims.groups.name(), Claims.exp.name(), Claims.raw_token.name());

    private final VerifiedTokens.Principal principal;
    private final String rawToken;

    VerifiedJsonWebToken(VerifiedTokens.Principal principal, String rawToken) {
        this.principal = principal;
        this.rawToken = rawToken;
    }

    @Override
    public String getName() {
        return principal.subject();
    }

    @Override
    public Set<String> getClaimNames() {
        return CLAIMS;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
        Object value = switch (claimName) {
            case "sub" -> principal.subject();
            case "groups" -> principal.roles();
            case "exp" -> principal.expiresAt();
            case "raw_token" -> rawToken;
            default -> null;
        };
        return (T) value;
    }
}
