package org.parley.api;

import jakarta.ws.rs.container.ResourceInfo;

import java.lang.reflect.Method;
import java.util.List;

/**
 * Parley's roles, as they come in a token's roles claim ({@code groups} by default, {@code realm_access/roles}
 * for Keycloak; see docs/security.md). A higher role includes the lower ones, so every rule names all the
 * roles it admits, and the OpenAPI document lists them per operation:
 * <pre>
 * &#64;RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.ADMIN})   // read, follow alerts
 * &#64;RolesAllowed({Roles.ANALYST, Roles.ADMIN})                 // record facts
 * &#64;RolesAllowed(Roles.ADMIN)                                  // parties, envoys, deletes
 * </pre>
 */
public final class Roles {

    public static final String VIEWER = "viewer";
    public static final String ANALYST = "analyst";
    public static final String ADMIN = "admin";
    /** Every role, lowest first: a role includes each one before it. */
    public static final List<String> ALL = List.of(VIEWER, ANALYST, ADMIN);

    private Roles() {
    }

    /** The roles an endpoint admits, from its {@code @RolesAllowed} (the method's, else its class's); empty when unknown. */
    static List<String> allowed(ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return List.of();
        }
        Method method = resource.getResourceMethod();
        jakarta.annotation.security.RolesAllowed rule = method.getAnnotation(jakarta.annotation.security.RolesAllowed.class);
        if (rule == null) {
            rule = resource.getResourceClass().getAnnotation(jakarta.annotation.security.RolesAllowed.class);
        }
        return rule == null ? List.of() : List.of(rule.value());
    }

    /** "analyst or admin": how a refusal names what would have been accepted. */
    public static String describe(List<String> roles) {
        if (roles.isEmpty()) {
            return "a role that may call it";
        }
        String last = roles.get(roles.size() - 1);
        return roles.size() == 1 ? "the role " + last
                : "the role " + String.join(", ", roles.subList(0, roles.size() - 1)) + " or " + last;
    }
}
