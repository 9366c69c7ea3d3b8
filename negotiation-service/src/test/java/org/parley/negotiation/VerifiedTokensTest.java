package org.parley.negotiation;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.parley.api.security.VerifiedTokens;
import org.parley.devstack.DevTokens;
import org.parley.devstack.SharedDevStack;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service's bearer-token authentication goes through api-support's {@link VerifiedTokens}: a token is kept once
 * SmallRye JWT has verified it, and what is kept still decides the roles; a token that fails the check is refused
 * and never kept (the cache's own rules are tested in api-support's VerifiedTokensTest).
 */
@QuarkusTest
class VerifiedTokensTest {

    @Inject
    VerifiedTokens tokens;

    @Test
    void aRequestsTokenIsKeptOnceVerifiedAndItsRolesStillDecide() {
        String subject = "viewer-" + UUID.randomUUID();
        String token = SharedDevStack.tokens().token(subject, List.of("viewer"), Instant.now().plus(Duration.ofHours(1)));
        assertTrue(tokens.cached(token).isEmpty());

        given().header("Authorization", "Bearer " + token).when().get("/api/v1/negotiations").then().statusCode(200);

        VerifiedTokens.Principal kept = tokens.cached(token).orElseThrow();
        assertEquals(subject, kept.subject());
        assertEquals(Set.of("viewer"), kept.roles());
        // Served from the cache now, and a viewer still may not write.
        given().header("Authorization", "Bearer " + token).contentType("application/json").body("{\"title\": \"Not mine to start\"}")
                .when().post("/api/v1/negotiations").then().statusCode(403);
    }

    @Test
    void aTokenOfAnotherIssuerIsRefusedAndNotKept() {
        String forged = DevTokens.foreign().token("intruder", List.of("admin"), Instant.now().plus(Duration.ofHours(1)));

        for (int attempt = 0; attempt < 2; attempt++) {
            given().header("Authorization", "Bearer " + forged).when().get("/api/v1/negotiations").then().statusCode(401);
        }
        assertTrue(tokens.cached(forged).isEmpty());
    }

    @Test
    void anExpiredTokenIsRefused() {
        String expired = SharedDevStack.tokens().token("late-" + UUID.randomUUID(), List.of("viewer"), Instant.now().minus(Duration.ofHours(1)));

        given().header("Authorization", "Bearer " + expired).when().get("/api/v1/negotiations").then().statusCode(401);
        assertTrue(tokens.cached(expired).isEmpty());
    }
}
