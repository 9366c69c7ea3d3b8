package org.parley.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.impl.HttpUtils;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Routes {@code /api/v1/**} to the service that owns each path, with the Vert.x HTTP reverse proxy.
 * Requests and responses stream through unchanged (method, headers, body, status, problem bodies), except:
 * the forwarded path is the normalised one the route was chosen by; {@code X-Forwarded-For/Proto/Host}
 * tell the service who asked and where; a {@code Location} pointing at the service is rewritten to the
 * gateway; and a service that cannot be reached or stays silent past its route's timeout turns into a
 * prompt 503 or 504 problem instead of a hang or an empty 502.
 * <p>
 * A plain class rather than a bean, so that tests can put it in front of stub services on their own router.
 */
public final class ApiProxy implements AutoCloseable {

    /** A service behind the gateway: its base URL and how long one request to it may stay silent. */
    public record Downstream(String name, URI url, Duration timeout) {

        int port() {
            return url.getPort() != -1 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
        }
    }

    public static final String PROBLEM_TYPE_BASE = "https://parley.example/problems/";
    private static final Logger LOG = Logger.getLogger(ApiProxy.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    private final RoutingTable table;
    private final Map<String, HttpProxy> proxies = new LinkedHashMap<>();
    private final List<HttpClient> clients;

    public ApiProxy(Vertx vertx, RoutingTable table, List<Downstream> downstreams, Duration connectTimeout) {
        this.table = table;
        this.clients = downstreams.stream().map(downstream -> {
            HttpClient client = vertx.createHttpClient(
                    new HttpClientOptions()
                            .setConnectTimeout((int) connectTimeout.toMillis())
                            .setSsl("https".equals(downstream.url().getScheme()))
                            .setKeepAlive(true),
                    new PoolOptions().setHttp1MaxSize(50));
            HttpProxy proxy = HttpProxy.reverseProxy(client)
                    .origin(context -> context.client().request(new RequestOptions()
                            .setServer(SocketAddress.inetSocketAddress(downstream.port(), downstream.url().getHost()))
                            // The service builds absolute URLs (Location) from this Host; see rewriteLocation.
                            .setHost(downstream.url().getHost())
                            .setPort(downstream.port())
                            .setIdleTimeout(downstream.timeout().toMillis())))
                    .addInterceptor(new Forwarding(downstream));
            proxies.put(downstream.name(), proxy);
            return client;
        }).toList();
    }

    /** Adds the proxy route; paths the table gives to the gateway fall through to the gateway's own endpoints. */
    public void install(Router router) {
        router.route("/api/v1*").order(-100).handler(this::route);
    }

    private void route(RoutingContext context) {
        String owner = table.ownerOf(context.normalizedPath());
        HttpProxy proxy = proxies.get(owner);
        if (proxy == null) {
            context.next();
        } else {
            proxy.handle(context.request());
        }
    }

    @Override
    public void close() {
        clients.forEach(HttpClient::close);
    }

    private static final class Forwarding implements ProxyInterceptor {

        private final Downstream downstream;

        Forwarding(Downstream downstream) {
            this.downstream = downstream;
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            ProxyRequest request = context.request();
            HttpServerRequest incoming = request.proxiedRequest();
            // Forward exactly the path the route was chosen by, so the service cannot be steered elsewhere with dot segments.
            String path = HttpUtils.normalizePath(incoming.path());
            request.setURI(incoming.query() == null ? path : path + "?" + incoming.query());

            MultiMap headers = request.headers();
            String client = incoming.remoteAddress() == null ? null : incoming.remoteAddress().hostAddress();
            if (client != null) {
                String chain = headers.get("X-Forwarded-For");
                headers.set("X-Forwarded-For", chain == null || chain.isBlank() ? client : chain + ", " + client);
            }
            headers.set("X-Forwarded-Proto", incoming.scheme());
            if (incoming.authority() != null) {
                headers.set("X-Forwarded-Host", incoming.authority().toString());
            }
            return context.sendRequest().recover(failure -> Future.succeededFuture(problem(context, failure)));
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            ProxyResponse response = context.response();
            for (String header : List.of("Location", "Content-Location")) {
                String value = response.headers().get(header);
                if (value != null) {
                    response.putHeader(header, rewriteLocation(value, context.request().proxiedRequest()));
                }
            }
            return context.sendResponse();
        }

        /** A URL on the service becomes the same URL on the gateway, as the client reached it; anything else is left alone. */
        private String rewriteLocation(String location, HttpServerRequest incoming) {
            URI uri;
            try {
                uri = URI.create(location);
            } catch (IllegalArgumentException e) {
                return location;
            }
            if (!uri.isAbsolute() || uri.getHost() == null || incoming.authority() == null) {
                return location;
            }
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
            boolean onService = uri.getHost().equalsIgnoreCase(downstream.url().getHost()) && port == downstream.port();
            if (!onService) {
                return location;
            }
            String rest = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
            return incoming.scheme() + "://" + incoming.authority() + rest;
        }

        /** The service could not answer: a problem document that says which service and what to do, never a stack trace. */
        private ProxyResponse problem(ProxyContext context, Throwable failure) {
            HttpServerRequest incoming = context.request().proxiedRequest();
            boolean timedOut = failure instanceof TimeoutException;
            int status = timedOut ? 504 : 503;
            String detail = timedOut
                    ? downstream.name() + " did not answer within " + downstream.timeout().toMillis() + " ms; the request may or may not have been applied"
                    : downstream.name() + " is not reachable; try again shortly";
            LOG.warnf("%s %s: %s (%s)", incoming.method(), incoming.path(), detail, failure.toString());
            JsonObject problem = new JsonObject()
                    .put("type", PROBLEM_TYPE_BASE + (timedOut ? "gateway-timeout" : "service-unavailable"))
                    .put("title", timedOut ? "Gateway timeout" : "Service unavailable")
                    .put("status", status)
                    .put("detail", detail)
                    .put("instance", incoming.path());
            if (!incoming.isEnded()) {
                // Drain what the client is still sending, so the connection stays usable for its next request.
                context.request().release();
            }
            ProxyResponse response = context.request().response()
                    .setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                    .setBody(Body.body(Buffer.buffer(problem.encode())));
            if (!timedOut) {
                response.putHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            }
            return response;
        }
    }
}
