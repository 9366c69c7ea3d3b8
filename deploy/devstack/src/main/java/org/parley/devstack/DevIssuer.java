package org.parley.devstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The dev stack's OpenID issuer, for the local run and the tests only: it serves the JWKS and a discovery
 * document, and hands out 12-hour tokens for a role at {@code GET /token?role=R}. It listens on the loopback
 * interface only and answers nobody else, because anyone who can ask gets a token.
 *
 * <pre>
 *   GET /.well-known/openid-configuration   issuer, jwks_uri, token endpoint
 *   GET /jwks                               the public key (what services verify with)
 *   GET /token?role=viewer|analyst|admin    {"access_token": ..., "token_type": "Bearer", "expires_in": 43200}
 * </pre>
 * {@code /token} answers with {@code Access-Control-Allow-Origin: *}, so the web client of the local run
 * can sign in from the gateway's origin.
 */
public final class DevIssuer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final DevTokens tokens;
    private final String url;

    private DevIssuer(HttpServer server, ExecutorService executor, DevTokens tokens, String url) {
        this.server = server;
        this.executor = executor;
        this.tokens = tokens;
        this.url = url;
    }

    /** The key file in a stack's data directory: kept across restarts, so tokens stay valid. */
    public static Path keyFile(Path dataDir) {
        return dataDir.resolve("issuer").resolve("signing-key.jwk");
    }

    public static String urlFor(int port) {
        return "http://localhost:" + port;
    }

    /** What a service needs to trust the issuer at {@code issuerUrl}: the standard MicroProfile JWT variables deploy/ sets too. */
    public static Map<String, String> trustEnvironment(String issuerUrl) {
        return Map.of(
                "MP_JWT_VERIFY_ISSUER", issuerUrl,
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", issuerUrl + "/jwks",
                "MP_JWT_VERIFY_AUDIENCES", DevTokens.AUDIENCE);
    }

    /** The same as configuration properties, for a service under test. */
    public static Map<String, String> trustProperties(String issuerUrl) {
        return Map.of(
                "mp.jwt.verify.issuer", issuerUrl,
                "mp.jwt.verify.publickey.location", issuerUrl + "/jwks",
                "mp.jwt.verify.audiences", DevTokens.AUDIENCE);
    }

    /** The gateway's extra settings: its web client signs in with a dev token (see docs/security.md). */
    public static Map<String, String> webSignInEnvironment(String issuerUrl) {
        return Map.of(
                "PARLEY_WEB_AUTH_MODE", "dev",
                "PARLEY_WEB_AUTH_DEV_TOKEN_URL", issuerUrl + "/token");
    }

    static DevIssuer start(Path dataDir, int port) {
        Ports.requireFree(port, "the dev token issuer", "--issuer-port");
        String url = urlFor(port);
        DevTokens tokens = DevTokens.load(keyFile(dataDir), url);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        } catch (IOException e) {
            throw new DevStackException("The dev token issuer could not listen on port " + port + ": " + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "parley-dev-issuer");
            thread.setDaemon(true);
            return thread;
        });
        DevIssuer issuer = new DevIssuer(server, executor, tokens, url);
        server.setExecutor(executor);
        server.createContext("/", issuer::handle);
        server.start();
        return issuer;
    }

    public String url() {
        return url;
    }

    public String jwksUrl() {
        return url + "/jwks";
    }

    public String tokenUrl() {
        return url + "/token";
    }

    public DevTokens tokens() {
        return tokens;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRemoteAddress().getAddress().isLoopbackAddress()) {
                send(exchange, 403, "application/problem+json", problem(403, "The dev issuer answers this machine only"));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/token") && method.equals("OPTIONS")) {
                cors(exchange);
                exchange.getResponseHeaders().set("Access-Control-Allow-Methods", "GET");
                exchange.sendResponseHeaders(204, -1);
            } else if (!method.equals("GET")) {
                send(exchange, 405, "application/problem+json", problem(405, "Only GET is served here"));
            } else if (path.equals("/.well-known/openid-configuration")) {
                send(exchange, 200, "application/json", """
                        {"issuer":"%s","jwks_uri":"%s","token_endpoint":"%s","id_token_signing_alg_values_supported":["RS256"],\
                        "response_types_supported":["token"],"subject_types_supported":["public"]}""".formatted(url, jwksUrl(), tokenUrl()));
            } else if (path.equals("/jwks")) {
                send(exchange, 200, "application/json", tokens.jwks());
            } else if (path.equals("/token")) {
                cors(exchange);
                String role = query(exchange).get("role");
                if (role == null || !DevTokens.ROLES.contains(role)) {
                    send(exchange, 400, "application/problem+json",
                            problem(400, "Ask for a role: /token?role=viewer, analyst or admin"));
                    return;
                }
                send(exchange, 200, "application/json", """
                        {"access_token":"%s","token_type":"Bearer","expires_in":%d}"""
                        .formatted(tokens.token(role), DevTokens.LIFETIME.toSeconds()));
            } else {
                send(exchange, 404, "application/problem+json", problem(404, "Nothing here: try /token?role=viewer, /jwks or /.well-known/openid-configuration"));
            }
        }
    }

    private static void cors(HttpExchange exchange) {
        // Dev only, loopback only: any page of the local run may fetch a token.
        exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> parameters = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return parameters;
    }

    private static String problem(int status, String detail) {
        return """
                {"type":"about:blank","status":%d,"detail":"%s"}""".formatted(status, detail);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
