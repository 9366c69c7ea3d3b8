package org.parley.api;

import jakarta.ws.rs.core.EntityTag;

/**
 * Optimistic concurrency over HTTP: every resource that can be updated has a version, served as a strong
 * ETag, and every update must name the version it was based on in {@code If-Match}. Requiring it (428
 * when absent) is what guarantees that two writers never silently overwrite each other.
 */
public final class Preconditions {

    private Preconditions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** Throws 428 when If-Match is missing and 412 when it names another version than the current one. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException(428, "precondition-required", "Precondition required",
                    "Send the ETag of the version you are changing in If-Match; read it with GET first");
        }
        String expected = Long.toString(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || unquote(tag).equals(expected)) {
                return;
            }
        }
        throw new ApiException(412, "precondition-failed", "Precondition failed",
                "If-Match " + ifMatch.strip() + " is stale: the current version is \"" + expected + "\"; read it again and reapply your change");
    }

    private static String unquote(String tag) {
        String strong = tag.startsWith("W/") ? tag.substring(2) : tag;
        return strong.length() >= 2 && strong.startsWith("\"") && strong.endsWith("\"") ? strong.substring(1, strong.length() - 1) : strong;
    }
}
