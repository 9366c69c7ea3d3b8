package org.parley.gateway.routing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The proxy in front of two stub services on a router of its own: what reaches the service, what comes
 * back, and what the client gets when a service is down or slow. The stubs answer every request with a
 * JSON echo of what they received, so each test can see exactly what the service saw.
 */
class ApiProxyTest {

    private static final Duration ROUTE_TIMEOUT = Duration.ofMillis(1500);
    private static final ApiProxy.ConnectionPool POOL = new ApiProxy.ConnectionPool(64, Duration.ofSeconds(20));

    /** Larger than the pieces (8 KiB) an answer reaches the proxy in, smaller than what it gathers whole. */
    private static final String LARGE_BODY = "0123456789abcdef".repeat(100_000 / 16) + "end";
    /** Larger than what the proxy gathers: it streams on once it has gathered that much. */
    private static final String HUGE_BODY = "fedcba9876543210".repeat(ApiProxy.MAX_GATHERED_RESPONSE_BYTES / 16 + 2_000) + "end";

    private static Vertx vertx;
    private static HttpServer partyService;
    private static HttpServer negotiationService;
    private static HttpServer gateway;
    private static ApiProxy proxy;
    private static int stoppedServicePort;
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        partyService = stub("party-service");
        negotiationService = stub("negotiation-service");
        try (var socket = new java.net.ServerSocket(0)) {
            stoppedServicePort = socket.getLocalPort();
        }

        Router router = Router.router(vertx);
        List<RoutingTable.Route> routes = new java.util.ArrayList<>(RoutingTable.parley().routes());
        routes.add(new RoutingTable.Route("/api/v1/unreachable", "stopped-service"));
        proxy = new ApiProxy(vertx, new RoutingTable(routes), List.of(
                new ApiProxy.Downstream(RoutingTable.PARTY_SERVICE, URI.create("http://localhost:" + partyService.actualPort()), ROUTE_TIMEOUT),
                new ApiProxy.Downstream(RoutingTable.NEGOTIATION_SERVICE, URI.create("http://localhost:" + negotiationService.actualPort()), ROUTE_TIMEOUT),
                new ApiProxy.Downstream("stopped-service", URI.create("http://localhost:" + stoppedServicePort), ROUTE_TIMEOUT)),
                Duration.ofSeconds(2), POOL);
        proxy.install(router);
        // Stands for the gateway's own endpoints, such as the alert stream.
        router.route().handler(ctx -> ctx.response().putHeader("content-type", "application/json")
                .end(new JsonObject().put("service", "gateway").put("path", ctx.normalizedPath()).encode()));
        gateway = vertx.createHttpServer().requestHandler(router).listen(0, "localhost").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        proxy.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private static HttpServer stub(String name) throws Exception {
        Router router = Router.router(vertx);
        router.route("/api/v1/negotiations/slow").handler(ctx -> vertx.setTimer(ROUTE_TIMEOUT.toMillis() * 4, t -> {
            if (!ctx.response().closed()) {
                ctx.response().end("too late");
            }
        }));
        router.route("/api/v1/negotiations/large").handler(ctx -> chunked(ctx.response().putHeader("X-Stub", name), LARGE_BODY));
        router.route("/api/v1/negotiations/huge").handler(ctx -> chunked(ctx.response(), HUGE_BODY));
        router.route("/api/v1/negotiations/broken").handler(ctx -> {
            // Declares the whole answer, sends a part, then the connection breaks: a service that dies midway.
            ctx.response().putHeader("content-type", "text/plain").putHeader("content-length", String.valueOf(LARGE_BODY.length()));
            ctx.response().write(LARGE_BODY.substring(0, 20_000));
            vertx.setTimer(100, t -> ctx.request().connection().close());
        });
        router.route().handler(ctx -> ctx.request().body().onSuccess(body -> {
            JsonObject headers = new JsonObject();
            ctx.request().headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
            JsonObject echo = new JsonObject()
                    .put("service", name)
                    .put("method", ctx.request().method().name())
                    .put("uri", ctx.request().uri())
                    .put("headers", headers)
                    .put("body", body.toString());
            String path = ctx.request().path();
            if (ctx.request().method().name().equals("POST")) {
                // As a Quarkus service does: an absolute URL built from the Host it was asked on.
                ctx.response().setStatusCode(201)
                        .putHeader("Location", "http://" + ctx.request().authority() + path + "/4b1c8a52-7c44-4f1e-9d1e-0d7f1c7c2b10")
                        .putHeader("ETag", "\"0\"");
            } else if (path.endsWith("/refused")) {
                ctx.response().setStatusCode(412).putHeader("content-type", "application/problem+json");
                ctx.response().end(new JsonObject().put("type", "https://parley.example/problems/precondition-failed")
                        .put("title", "Precondition failed").put("status", 412).put("detail", "stale").encode());
                return;
            }
            ctx.response().putHeader("content-type", "application/json").putHeader("X-Stub", name).end(echo.encode());
        }));
        return vertx.createHttpServer().requestHandler(router).listen(0, "localhost").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** As a Quarkus service sends a body larger than its output buffer: chunked, in pieces of 8 KiB. */
    private static void chunked(io.vertx.core.http.HttpServerResponse response, String body) {
        response.setChunked(true).putHeader("content-type", "text/plain");
        for (int at = 0; at < body.length(); at += 8192) {
            response.write(body.substring(at, Math.min(body.length(), at + 8192)));
        }
        response.end();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder at(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + gateway.actualPort() + pathAndQuery));
    }

    @ParameterizedTest(name = "{0} goes to {1}")
    @CsvSource({
            "/api/v1/parties, party-service",
            "/api/v1/parties/ru, party-service",
            "/api/v1/envoys?party=ua&page=0, party-service",
            "/api/v1/envoys/6f1c2d3e-0000-4000-8000-000000000001, party-service",
            "/api/v1/negotiations, negotiation-service",
            "/api/v1/meetings/6f1c2d3e-0000-4000-8000-000000000002, negotiation-service",
            "/api/v1/proposals, negotiation-service",
            "/api/v1/clauses/6f1c2d3e-0000-4000-8000-000000000003, negotiation-service",
            "/api/v1/positions?updated_since=2025-11-27T00:00:00Z, negotiation-service",
            "/api/v1/statements, negotiation-service",
            "/api/v1/incidents, negotiation-service",
            "/api/v1/negotiations/6f1c2d3e-0000-4000-8000-000000000004/timeline, negotiation-service",
            "/api/v1/alerts, negotiation-service",
            "/api/v1/partiesx, negotiation-service",
            "/api/v1/alerts/stream, gateway",
            "/api/v1/parties/../negotiations, negotiation-service",
            "/openapi, gateway"})
    void routesEachResourceFamilyToTheServiceThatOwnsIt(String pathAndQuery, String service) throws Exception {
        HttpResponse<String> response = send(at(pathAndQuery).GET());

        assertEquals(200, response.statusCode());
        JsonObject echo = new JsonObject(response.body());
        assertEquals(service, echo.getString("service"));
        if (!service.equals("gateway")) {
            String expected = pathAndQuery.replace("/parties/../", "/");
            assertEquals(expected, echo.getString("uri"), "the service sees the path the route was chosen by, with its query");
        }
    }

    @Test
    void passesMethodHeadersBodyAndStatusThrough() throws Exception {
        String body = "{\"name\":\"Ukraine\",\"slug\":\"ua\"}";
        HttpResponse<String> response = send(at("/api/v1/parties/ua?x=1").PUT(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("If-Match", "\"3\"")
                .header("Accept", "application/json")
                .header("X-Request-Id", "r-42"));

        assertEquals(200, response.statusCode());
        assertEquals("party-service", response.headers().firstValue("X-Stub").orElseThrow(), "response headers pass through");
        JsonObject echo = new JsonObject(response.body());
        assertEquals("PUT", echo.getString("method"));
        assertEquals(body, echo.getString("body"));
        JsonObject headers = echo.getJsonObject("headers");
        assertEquals("\"3\"", headers.getString("if-match"));
        assertEquals("application/json", headers.getString("content-type"));
        assertEquals("r-42", headers.getString("x-request-id"));
    }

    @Test
    void setsForwardedHeaders() throws Exception {
        HttpResponse<String> response = send(at("/api/v1/negotiations").GET().header("X-Forwarded-For", "203.0.113.9"));

        JsonObject headers = new JsonObject(response.body()).getJsonObject("headers");
        assertEquals("203.0.113.9, 127.0.0.1", headers.getString("x-forwarded-for"), "the client's address is appended to the chain");
        assertEquals("http", headers.getString("x-forwarded-proto"));
        assertEquals("localhost:" + gateway.actualPort(), headers.getString("x-forwarded-host"));
        assertEquals("localhost:" + negotiationService.actualPort(), headers.getString("host"));
    }

    @Test
    void passesProblemResponsesThroughUnchanged() throws Exception {
        HttpResponse<String> response = send(at("/api/v1/proposals/refused").GET());

        assertEquals(412, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        JsonObject problem = new JsonObject(response.body());
        assertEquals("Precondition failed", problem.getString("title"));
        assertEquals("stale", problem.getString("detail"));
    }

    @Test
    void rewritesLocationFromTheServiceToTheGateway() throws Exception {
        HttpResponse<String> response = send(at("/api/v1/envoys").POST(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json"));

        assertEquals(201, response.statusCode());
        assertEquals("http://localhost:" + gateway.actualPort() + "/api/v1/envoys/4b1c8a52-7c44-4f1e-9d1e-0d7f1c7c2b10",
                response.headers().firstValue("Location").orElseThrow());
        assertEquals("\"0\"", response.headers().firstValue("ETag").orElseThrow());
    }

    @Test
    void aChunkedAnswerIsGatheredAndSentInOnePieceWithItsLength() throws Exception {
        HttpResponse<String> response = send(at("/api/v1/negotiations/large").GET());

        assertEquals(200, response.statusCode());
        assertEquals(LARGE_BODY, response.body());
        assertEquals(String.valueOf(LARGE_BODY.length()), response.headers().firstValue("Content-Length").orElseThrow());
        assertFalse(response.headers().firstValue("Transfer-Encoding").isPresent());
        assertEquals("negotiation-service", response.headers().firstValue("X-Stub").orElseThrow());
        assertEquals("text/plain", response.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void anAnswerLargerThanWhatIsGatheredStreamsWhole() throws Exception {
        HttpResponse<String> response = send(at("/api/v1/negotiations/huge").GET());

        assertEquals(200, response.statusCode());
        assertEquals(HUGE_BODY.length(), response.body().length());
        assertEquals(HUGE_BODY, response.body());
        assertFalse(response.headers().firstValue("Content-Length").isPresent(), "streamed, so sent without a length");
    }

    @Test
    void anAnswerTheServiceBreaksOffMidwayGivesA503ProblemNotATruncatedAnswer() throws Exception {
        HttpResponse<String> response = send(at("/api/v1/negotiations/broken").GET());

        assertEquals(503, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.headers().firstValue("Retry-After").isPresent());
        JsonObject problem = new JsonObject(response.body());
        assertTrue(problem.getString("detail").contains("negotiation-service"), problem.getString("detail"));
        assertEquals("/api/v1/negotiations/broken", problem.getString("instance"));
    }

    @Test
    void aServiceThatIsDownGivesA503Problem() throws Exception {
        HttpResponse<String> response = send(at("/api/v1/unreachable/1").POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}"))
                .header("Content-Type", "application/json"));

        assertEquals(503, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.headers().firstValue("Retry-After").isPresent());
        JsonObject problem = new JsonObject(response.body());
        assertEquals(503, problem.getInteger("status"));
        assertEquals("https://parley.example/problems/service-unavailable", problem.getString("type"));
        assertTrue(problem.getString("detail").contains("stopped-service"), problem.getString("detail"));
        assertEquals("/api/v1/unreachable/1", problem.getString("instance"));
        assertFalse(response.body().contains("Exception"), "no stack trace or exception names: " + response.body());
    }

    @Test
    void aServiceThatStopsGivesA503ProblemWhileTheOtherKeepsServing() throws Exception {
        HttpServer extra = stub("party-service");
        ApiProxy local = new ApiProxy(vertx, RoutingTable.parley(), List.of(
                new ApiProxy.Downstream(RoutingTable.PARTY_SERVICE, URI.create("http://localhost:" + extra.actualPort()), ROUTE_TIMEOUT),
                new ApiProxy.Downstream(RoutingTable.NEGOTIATION_SERVICE, URI.create("http://localhost:" + negotiationService.actualPort()), ROUTE_TIMEOUT)),
                Duration.ofSeconds(2), POOL);
        Router router = Router.router(vertx);
        local.install(router);
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "localhost").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        try {
            URI parties = URI.create("http://localhost:" + server.actualPort() + "/api/v1/parties");
            assertEquals(200, send(HttpRequest.newBuilder(parties).GET()).statusCode(), "up before the stop");

            extra.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

            HttpResponse<String> response = send(HttpRequest.newBuilder(parties).GET());
            assertEquals(503, response.statusCode());
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(new JsonObject(response.body()).getString("detail").contains("party-service"));
            URI negotiations = URI.create("http://localhost:" + server.actualPort() + "/api/v1/negotiations");
            assertEquals(200, send(HttpRequest.newBuilder(negotiations).GET()).statusCode(), "the other service is still routed");
        } finally {
            local.close();
            server.close();
        }
    }

    @Test
    void aServiceThatStaysSilentPastTheRouteTimeoutGivesA504Problem() throws Exception {
        HttpResponse<String> response = send(at("/api/v1/negotiations/slow").GET());

        assertEquals(504, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        JsonObject problem = new JsonObject(response.body());
        assertEquals("Gateway timeout", problem.getString("title"));
        assertTrue(problem.getString("detail").contains("negotiation-service did not answer within 1500 ms"), problem.getString("detail"));
        assertNull(problem.getValue("trace"));
    }

    // --- defect 11 (issue 14): pooled connections the service closes ---

    /**
     * A service that closes a connection when a second request arrives on it, without a word: what a
     * service whose idle timeout fires as the proxy reuses the connection looks like from the proxy.
     */
    private static HttpServer closingOnReuse(AtomicInteger closedUnanswered) throws Exception {
        Set<HttpConnection> used = ConcurrentHashMap.newKeySet();
        Router router = Router.router(vertx);
        router.route().handler(ctx -> ctx.request().body().onSuccess(body -> {
            if (!used.add(ctx.request().connection())) {
                closedUnanswered.incrementAndGet();
                ctx.request().connection().close();
                return;
            }
            ctx.response().putHeader("content-type", "application/json").end(new JsonObject()
                    .put("method", ctx.request().method().name()).put("body", body.toString()).encode());
        }));
        return vertx.createHttpServer().requestHandler(router).listen(0, "localhost").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** A gateway of its own in front of {@code service} as negotiation-service, so that it has the only pooled connections. */
    private static HttpServer gatewayTo(HttpServer service, ApiProxy.ConnectionPool pool, List<ApiProxy> proxies) throws Exception {
        ApiProxy local = new ApiProxy(vertx, RoutingTable.parley(), List.of(
                new ApiProxy.Downstream(RoutingTable.NEGOTIATION_SERVICE, URI.create("http://localhost:" + service.actualPort()), ROUTE_TIMEOUT)),
                Duration.ofSeconds(2), pool);
        proxies.add(local);
        Router router = Router.router(vertx);
        local.install(router);
        return vertx.createHttpServer().requestHandler(router).listen(0, "localhost").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aReadOnAConnectionTheServiceClosedIsSentAgainOnAFreshOne() throws Exception {
        AtomicInteger closedUnanswered = new AtomicInteger();
        HttpServer service = closingOnReuse(closedUnanswered);
        List<ApiProxy> proxies = new java.util.ArrayList<>();
        HttpServer server = gatewayTo(service, POOL, proxies);
        try {
            URI negotiations = URI.create("http://localhost:" + server.actualPort() + "/api/v1/negotiations");
            assertEquals(200, send(HttpRequest.newBuilder(negotiations).GET()).statusCode(), "the first read opens the connection");

            HttpResponse<String> again = send(HttpRequest.newBuilder(negotiations).GET());

            assertEquals(1, closedUnanswered.get(), "the pooled connection was reused and closed by the service");
            assertEquals(200, again.statusCode(), again.body());
            HttpResponse<String> head = send(HttpRequest.newBuilder(negotiations).method("HEAD", HttpRequest.BodyPublishers.noBody()));
            assertEquals(200, head.statusCode());
            assertEquals(2, closedUnanswered.get());
        } finally {
            proxies.forEach(ApiProxy::close);
            server.close();
            service.close();
        }
    }

    @Test
    void aPutWithIfMatchIsSentAgainWithItsBodyButAPostIsNot() throws Exception {
        AtomicInteger closedUnanswered = new AtomicInteger();
        HttpServer service = closingOnReuse(closedUnanswered);
        List<ApiProxy> proxies = new java.util.ArrayList<>();
        HttpServer server = gatewayTo(service, POOL, proxies);
        try {
            URI position = URI.create("http://localhost:" + server.actualPort() + "/api/v1/clauses/6f1c2d3e-0000-4000-8000-000000000003/positions/ru");
            String body = "{\"status\":\"rejected\"}";
            assertEquals(200, send(HttpRequest.newBuilder(position).GET()).statusCode());

            HttpResponse<String> put = send(HttpRequest.newBuilder(position).PUT(HttpRequest.BodyPublishers.ofString(body))
                    .header("Content-Type", "application/json").header("If-Match", "\"2\""));

            assertEquals(200, put.statusCode(), put.body());
            assertEquals(body, new JsonObject(put.body()).getString("body"), "the body is sent in full the second time");

            HttpResponse<String> post = send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.actualPort() + "/api/v1/statements"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json"));

            assertEquals(503, post.statusCode(), "a write that is not idempotent is never sent twice");
            assertEquals(2, closedUnanswered.get());
        } finally {
            proxies.forEach(ApiProxy::close);
            server.close();
            service.close();
        }
    }

    @Test
    void theProxyClosesAnIdleConnectionAfterItsKeepAliveBeforeTheServiceWould() throws Exception {
        AtomicInteger closed = new AtomicInteger();
        HttpServer service = vertx.createHttpServer()
                .connectionHandler(connection -> connection.closeHandler(v -> closed.incrementAndGet()))
                .requestHandler(request -> request.response().end("{}"))
                .listen(0, "localhost").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        List<ApiProxy> proxies = new java.util.ArrayList<>();
        HttpServer server = gatewayTo(service, new ApiProxy.ConnectionPool(64, Duration.ofSeconds(1)), proxies);
        try {
            assertEquals(200, send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.actualPort() + "/api/v1/negotiations")).GET()).statusCode());

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (closed.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }

            assertEquals(1, closed.get(), "the service never closes it; the proxy closed the idle connection after its keep-alive");
        } finally {
            proxies.forEach(ApiProxy::close);
            server.close();
            service.close();
        }
    }

    @Test
    void sixtyFourConcurrentReadsAllSucceed() throws Exception {
        HttpClient clients = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> reads = new java.util.ArrayList<>();
        for (int round = 0; round < 4; round++) {
            for (int i = 0; i < 64; i++) {
                reads.add(clients.sendAsync(at("/api/v1/negotiations?i=" + i).GET().timeout(Duration.ofSeconds(20)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
        }

        List<Integer> failed = reads.stream().map(java.util.concurrent.CompletableFuture::join).map(HttpResponse::statusCode)
                .filter(status -> status / 100 != 2).toList();

        assertEquals(List.of(), failed);
    }
}
