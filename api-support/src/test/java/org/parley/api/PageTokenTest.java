package org.parley.api;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The page-token codec on its own: what a token carries, what it is bound to, and what it refuses. */
class PageTokenTest {

    private static final String FINGERPRINT = PageToken.fingerprint("/api/v1/meetings", Map.of("negotiation", List.of("n1"), "sort", List.of("changes")));

    @Test
    void aTokenCarriesAnOffsetOrTheLastChangeKey() {
        assertEquals(120, PageToken.decode(PageToken.offset(FINGERPRINT, 120).encode(), FINGERPRINT).offset());
        ChangeKey key = new ChangeKey(987_654_321_012L, "0b6f3f0e-5d7a-4a43-9a57-2b9f3c1d8e21");
        assertEquals(key, PageToken.decode(PageToken.after(FINGERPRINT, key).encode(), FINGERPRINT).after());
    }

    @Test
    void theFingerprintIsTheListFiltersAndSortWhateverTheirOrderAndNotThePaging() {
        Map<String, List<String>> reordered = new LinkedHashMap<>();
        reordered.put("sort", List.of("changes"));
        reordered.put("size", List.of("7"));
        reordered.put("page_token", List.of("x"));
        reordered.put("include_total", List.of("true"));
        reordered.put("negotiation", List.of("n1"));
        assertEquals(FINGERPRINT, PageToken.fingerprint("/api/v1/meetings", reordered));
        assertNotEquals(FINGERPRINT, PageToken.fingerprint("/api/v1/meetings", Map.of("negotiation", List.of("n2"), "sort", List.of("changes"))));
        assertNotEquals(FINGERPRINT, PageToken.fingerprint("/api/v1/meetings", Map.of("negotiation", List.of("n1"), "sort", List.of("startsAt"))));
        assertNotEquals(FINGERPRINT, PageToken.fingerprint("/api/v1/statements", Map.of("negotiation", List.of("n1"), "sort", List.of("changes"))));
    }

    @Test
    void anAlteredForeignOrUnreadableTokenIsA400InvalidPageToken() {
        String token = PageToken.offset(FINGERPRINT, 50).encode();
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(token)).replace("|50|", "|5000|").getBytes());
        for (String bad : List.of(forged, token.substring(0, token.length() - 3), "not a token", "bm90IGEgdG9rZW4")) {
            ApiException refused = assertThrows(ApiException.class, () -> PageToken.decode(bad, FINGERPRINT), bad);
            assertEquals(400, refused.status());
            assertEquals("invalid-page-token", refused.kind());
        }
        String otherList = PageToken.fingerprint("/api/v1/parties", Map.of());
        assertEquals("invalid-page-token", assertThrows(ApiException.class, () -> PageToken.decode(token, otherList)).kind());
    }
}
