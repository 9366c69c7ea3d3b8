package org.parley.gateway;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** The web client is served at / from the gateway's jar, beside the API, and learns how to sign in from /web/config.json. */
@QuarkusTest
class WebClientServingTest {

    @Test
    void theRootServesTheWebClient() {
        given().when().get("/")
                .then().statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Cache-Control", not(containsString("immutable")))
                .body(containsString("<script type=\"module\" src=\"/app/main.js\"></script>"));
        given().when().get("/app/main.js")
                .then().statusCode(200)
                .contentType(startsWith("text/javascript"));
        given().when().get("/app/app.css")
                .then().statusCode(200)
                .contentType(startsWith("text/css"));
    }

    @Test
    void withoutAccessControlTheClientIsToldThatNoSignInIsNeeded() {
        given().when().get("/web/config.json")
                .then().statusCode(200)
                .contentType(startsWith("application/json"))
                .header("Cache-Control", containsString("no-store"))
                .body("auth.mode", equalTo("none"))
                .body("auth.rolesClaim", equalTo("groups"))
                .body("auth.devTokenUrl", nullValue())
                .body("auth.issuer", nullValue());
    }

    @Test
    void unknownPathsBesideTheClientStillGetAProblem() {
        given().when().get("/no-such-page")
                .then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }
}
