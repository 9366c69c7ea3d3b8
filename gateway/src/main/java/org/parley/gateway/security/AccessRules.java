package org.parley.gateway.security;

import org.parley.api.Roles;

import java.util.List;

/**
 * The roles the gateway demands before it routes a request, by method and path. It is the coarse, first
 * check; each service enforces its own per-operation rules (@RolesAllowed) again, and these agree with them:
 * reading and following alerts needs viewer, recording facts analyst, and parties, envoys and deletes admin.
 */
public final class AccessRules {

    static final List<String> READ = atLeast(Roles.VIEWER);
    static final List<String> RECORD = atLeast(Roles.ANALYST);
    static final List<String> ADMINISTER = atLeast(Roles.ADMIN);

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

    /** A higher role includes the lower ones: {@code role} and every role above it in {@link Roles#ALL}. */
    private static List<String> atLeast(String role) {
        return List.copyOf(Roles.ALL.subList(Roles.ALL.indexOf(role), Roles.ALL.size()));
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
