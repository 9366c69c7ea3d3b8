package org.parley.devstack;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;

/**
 * Every Quarkus test's RestAssured request carries an admin token from the shared dev stack's issuer, which
 * the service under test trusts (see {@link DevStackTestResource}): the tests exercise what they are about,
 * not the sign-in. Registered as a Quarkus test callback (META-INF/services), so no test repeats it; tests
 * about access control build their requests without it.
 */
public class DevTokenForRestAssured implements QuarkusTestBeforeEachCallback {

    private static volatile String token;

    /** Adds the token unless the request names its own Authorization. */
    private static final Filter BEARER = (request, response, context) -> {
        if (!request.getHeaders().hasHeaderWithName("Authorization")) {
            request.header("Authorization", "Bearer " + token);
        }
        return context.next(request, response);
    };

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (token == null) {
            token = SharedDevStack.tokens().token("admin");
        }
        if (!RestAssured.filters().contains(BEARER)) {
            RestAssured.filters(BEARER);
        }
    }
}
