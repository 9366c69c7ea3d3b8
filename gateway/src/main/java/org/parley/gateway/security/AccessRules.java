package org.parley.gateway.security;

import org.parley.api.Roles;

import java.util.List;

/**
 * The roles the gateway demands before it routes a request, by method and path. It is the coarse, first
 * check; each service enforces its own per-operation rules (@RolesAllowed) again, and these agree with them:
 * reading and following alerts needs viewer, recording facts analyst, and parties, envoys and deletes admin.
 */
public final class AccessRules {

    static final List<String> READ = List.of(Roles.VIEWER, Roles.ANALYST, Roles.ADMIN);
    static final List<String> RECORD = List.of(Roles.ANALYST, Roles.ADMIN);
    static final List<String> ADMINISTER = List.of(Roles.ADMIN);

    private AccessRules() {
    }

    /** The roles that may send {@code method} to {@code path} (a normalised path under /api/v1). */
    public static List<String> allowed(String method, String path) {
        return switch (method) {
            case "GET", "HEAD", "OPTIONS" -> READ;
            case "DELETE" -> ADMINISTER;
            default -> under(path, "/api/v1/parties") || under(path, "/api/v1/envoys") ? ADMINISTER : RECORD;
        };
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
