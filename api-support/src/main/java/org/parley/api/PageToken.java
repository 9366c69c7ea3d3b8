package org.parley.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one page-token codec of both services (AIP-158). A token says where the next page starts: an offset
 * into an ordinary sort, or the last {@link ChangeKey} of a sync walk ({@code sort=changes}). It also carries a
 * fingerprint of the list's path, filters and sort, so that a token reused with other filters is refused
 * rather than silently answering a different question, and a checksum, so that an edited or truncated token is
 * refused too. Clients must treat it as opaque: base64url of {@code 1|fingerprint|o|offset} or
 * {@code 1|fingerprint|c|xid|id}, then {@code |checksum}; the version in front lets the form change later.
 */
public record PageToken(String fingerprint, long offset, ChangeKey after) {

    static final String VERSION = "1";
    /** Query parameters that choose a page rather than the list: they may change between pages. */
    static final List<String> PAGING_PARAMETERS = List.of("page", "page_token", "size", "include_total");

    public static PageToken offset(String fingerprint, long offset) {
        return new PageToken(fingerprint, offset, null);
    }

    public static PageToken after(String fingerprint, ChangeKey key) {
        return new PageToken(fingerprint, 0, key);
    }

    public String encode() {
        String payload = String.join("|", VERSION, fingerprint,
                after == null ? "o|" + offset : "c|" + after.xid() + "|" + after.id());
        return base64(payload + "|" + checksum(payload));
    }

    /** The token, if it is one this codec wrote for the same list, filters and sort; otherwise a 400 invalid-page-token. */
    public static PageToken decode(String token, String expectedFingerprint) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid("it is not a page token from this API");
        }
        int cut = text.lastIndexOf('|');
        if (cut < 0 || !checksum(text.substring(0, cut)).equals(text.substring(cut + 1))) {
            throw invalid("it is not a page token from this API, or it was altered");
        }
        String[] parts = text.substring(0, cut).split("\\|", -1);
        if (parts.length < 4 || !VERSION.equals(parts[0])) {
            throw invalid("it was written by another version of the API; start again without page_token");
        }
        if (!parts[1].equals(expectedFingerprint)) {
            throw invalid("it belongs to a different list, filters or sort; send the parameters of the request that returned it");
        }
        try {
            if ("o".equals(parts[2]) && parts.length == 4) {
                long offset = Long.parseLong(parts[3]);
                if (offset < 0 || offset > PageRequest.MAX_OFFSET) {
                    throw invalid("its offset is out of range");
                }
                return offset(parts[1], offset);
            }
            if ("c".equals(parts[2]) && parts.length == 5 && !parts[4].isEmpty()) {
                return after(parts[1], new ChangeKey(Long.parseLong(parts[3]), parts[4]));
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal below
        }
        throw invalid("it cannot be read");
    }

    /**
     * What a token is bound to: the path and every query parameter that is not about paging (filters, sort),
     * in a canonical order, so that the same request written in another parameter order gets the same fingerprint.
     */
    public static String fingerprint(String path, Map<String, List<String>> queryParameters) {
        StringBuilder canonical = new StringBuilder(path);
        new TreeMap<>(queryParameters).forEach((name, values) -> {
            if (!PAGING_PARAMETERS.contains(name)) {
                values.forEach(value -> canonical.append('&').append(name).append('=').append(value));
            }
        });
        return sha256(canonical.toString()).substring(0, 16);
    }

    static ApiException invalid(String why) {
        return new ApiException(400, ProblemType.INVALID_PAGE_TOKEN.slug(), ProblemType.INVALID_PAGE_TOKEN.title(),
                "Query parameter 'page_token' cannot be used: " + why);
    }

    /** Catches edits and truncation, not a determined forger: a forged token can only ask for a page of a list the caller may read anyway. */
    private static String checksum(String payload) {
        return sha256("parley-page-token|" + payload).substring(0, 11);
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
