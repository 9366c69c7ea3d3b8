package org.parley.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.StreamResetException;
import io.vertx.core.http.impl.HttpUtils;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Routes {@code /api/v1/**} to the service that owns each path, with the Vert.x HTTP reverse proxy.
 * Requests and responses pass through unchanged (method, headers, body, status, problem bodies), except:
 * the forwarded path is the normalised one the route was chosen by; {@code X-Forwarded-For/Proto/Host}
 * tell the service who asked and where; a {@code Location} pointing at the service is rewritten to the
 * gateway; and a service that cannot be reached or stays silent past its route's timeout turns into a
 * prompt 503 or 504 problem instead of a hang or an empty 502. Request bodies stream; an answer of up to
 * {@link #MAX_GATHERED_RESPONSE_BYTES} is gathered and written to the client in one piece with its Content-Length
 * (so an answer the service breaks off midway also becomes a 503 problem), a larger one streams.
 * <p>
 * Connections to a service are pooled (HTTP/1.1 keep-alive, no h2c). A pooled connection can be closed by
 * the service at the moment the proxy reuses it (its idle timeout, a restart), so: the proxy gives up an idle
 * connection before the service would ({@link ConnectionPool#keepAlive()} shorter than the services'
 * {@code quarkus.http.idle-timeout}), and an idempotent request (GET, HEAD, OPTIONS, and a PUT with
 * {@code If-Match}, which the service applies at most once) whose connection closes before any byte of the
 * answer is sent once more on a fresh connection. Other writes are never re-sent: the client gets the 503.
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

    /**
     * The proxy's connections to each service.
     *
     * @param size      connections per service; at least the number of concurrent requests the gateway is sized for
     * @param keepAlive how long an idle connection is kept; shorter than the services' idle timeout, so that the
     *                  proxy, not the service, closes it
     */
    public record ConnectionPool(int size, Duration keepAlive) {
    }

    /** The largest request body kept in memory so that an idempotent write can be sent again. */
    static final int MAX_RETRIED_BODY_BYTES = 1024 * 1024;

    /**
     * The largest answer gathered whole before it is written to the client. The services send a body larger than
     * their output buffer (8 KiB) chunked, and it reaches the proxy in pieces; streamed, each piece was its own
     * write and flush to the client, a system call each, and the chunk framing more. Gathered, the answer leaves
     * in one write with a Content-Length. A larger answer streams once this much of it has been gathered.
     */
    static final int MAX_GATHERED_RESPONSE_BYTES = 256 * 1024;

    public static final String PROBLEM_TYPE_BASE = "https://parley.example/problems/";
    private static final Logger LOG = Logger.getLogger(ApiProxy.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    private final RoutingTable table;
    private final Map<String, HttpProxy> proxies = new LinkedHashMap<>();
    private final List<HttpClient> clients;

    public ApiProxy(Vertx vertx, RoutingTable table, List<Downstream> downstreams, Duration connectTimeout, ConnectionPool pool) {
        this.table = table;
        this.clients = downstreams.stream().map(downstream -> {
            HttpClient client = vertx.createHttpClient(
                    new HttpClientOptions()
                            .setConnectTimeout((int) connectTimeout.toMillis())
                            .setSsl("https".equals(downstream.url().getScheme()))
                            // Plain HTTP/1.1 with keep-alive: no h2c upgrade, no multiplexing surprises.
                            .setProtocolVersion(HttpVersion.HTTP_1_1)
                            .setKeepAlive(true)
                            .setKeepAliveTimeout((int) Math.max(1, pool.keepAlive().toSeconds())),
                    new PoolOptions().setHttp1MaxSize(pool.size()));
            SocketAddress server = SocketAddress.inetSocketAddress(downstream.port(), downstream.url().getHost());
            HttpProxy proxy = HttpProxy.reverseProxy(client)
                    .origin(context -> context.client().request(new RequestOptions()
                            .setServer(server)
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

        private static final List<String> LOCATION_HEADERS = List.of("Location", "Content-Location");

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
            if (!retryable(incoming)) {
                return context.sendRequest().recover(failure -> Future.succeededFuture(problem(context, failure)));
            }
            return resendable(request).compose(body -> send(context, body)
                    .recover(failure -> closedBeforeAnswer(failure) ? retry(context, body, failure) : Future.failedFuture(failure))
                    .recover(failure -> Future.succeededFuture(problem(context, failure))));
        }

        /** One more try on a fresh connection: the first one closed before the service said anything. */
        private Future<ProxyResponse> retry(ProxyContext context, Buffer body, Throwable failure) {
            HttpServerRequest incoming = context.request().proxiedRequest();
            LOG.debugf("%s %s: the connection to %s closed before an answer (%s); sending it once more", incoming.method(),
                    incoming.path(), downstream.name(), failure.toString());
            return send(context, body);
        }

        /** Sends the request with a body that can be sent again (none, or the buffered one). */
        private static Future<ProxyResponse> send(ProxyContext context, Buffer body) {
            context.request().setBody(body == null ? null : Body.body(body));
            return context.sendRequest();
        }

        /**
         * Reads a retried request's body into memory, so that it can be sent twice ({@link #retryable} bounds
         * its size); a request without one is sent without one.
         */
        private static Future<Buffer> resendable(ProxyRequest request) {
            HttpServerRequest incoming = request.proxiedRequest();
            String length = incoming.getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length == null || "0".equals(length.strip())) {
                // Nothing to forward; let the request's end through, as streaming it would, so the connection moves on.
                incoming.resume();
                return Future.succeededFuture();
            }
            Future<Buffer> body = incoming.body();
            // The router holds the request paused until someone reads it.
            incoming.resume();
            return body;
        }

        /**
         * GET, HEAD and OPTIONS change nothing; a PUT with If-Match is applied at most once (a second try of an
         * applied one gets 412). Only with a body of known, bounded length, which can be kept to send again.
         */
        static boolean retryable(HttpServerRequest incoming) {
            HttpMethod method = incoming.method();
            boolean idempotent = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS
                    || (method == HttpMethod.PUT && incoming.getHeader(HttpHeaders.IF_MATCH) != null);
            if (!idempotent || incoming.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
                return false;
            }
            String length = incoming.getHeader(HttpHeaders.CONTENT_LENGTH);
            try {
                return length == null || Long.parseLong(length.strip()) <= MAX_RETRIED_BODY_BYTES;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        /**
         * The connection closed or was reset before a response: the service closed a pooled connection as the
         * proxy reused it. Not a refused connection (the service is down: a prompt 503 says so) and not a
         * timeout (the service may be working on it).
         */
        static boolean closedBeforeAnswer(Throwable failure) {
            return failure instanceof HttpClosedException || failure instanceof StreamResetException
                    || (failure instanceof IOException && !(failure instanceof ConnectException));
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            ProxyResponse response = context.response();
            for (String header : LOCATION_HEADERS) {
                String value = response.headers().get(header);
                if (value != null) {
                    response.putHeader(header, rewriteLocation(value, context.request().proxiedRequest()));
                }
            }
            if (!gathered(response, context.request().proxiedRequest().method())) {
                return context.sendResponse();
            }
            return gather(context, response);
        }

        /**
         * An answer whose body is gathered before it is written: one with a body (not the answer to a HEAD, nor a
         * 204 or 304, whose Content-Length describes a body they do not carry), of bounded or unknown length, that
         * is not a stream of events (which must reach the client as it comes).
         */
        static boolean gathered(ProxyResponse response, HttpMethod method) {
            Body body = response.getBody();
            int status = response.getStatusCode();
            String type = response.headers().get(HttpHeaders.CONTENT_TYPE);
            return body != null && body.length() != 0 && body.length() <= MAX_GATHERED_RESPONSE_BYTES
                    && method != HttpMethod.HEAD && status != 204 && status != 304
                    && (type == null || !type.regionMatches(true, 0, "text/event-stream", 0, "text/event-stream".length()));
        }

        /**
         * Reads the answer's body and sends it in one piece with its Content-Length. A body that grows past
         * {@link #MAX_GATHERED_RESPONSE_BYTES} (only one of unknown length can) is sent as it would have been:
         * chunked, what was gathered first, then the rest as it comes. A body the service breaks off before
         * anything was sent becomes a problem, not a truncated answer.
         */
        private Future<Void> gather(ProxyContext context, ProxyResponse response) {
            ReadStream<Buffer> stream = response.getBody().stream();
            long declared = response.getBody().length();
            Buffer content = Buffer.buffer(declared > 0 ? (int) declared : 16 * 1024);
            Promise<Void> sent = Promise.promise();
            stream.exceptionHandler(failure -> problem(context, failure).send().onComplete(sent));
            stream.endHandler(nothing -> {
                response.setBody(Body.body(content));
                context.sendResponse().onComplete(sent);
            });
            stream.handler(chunk -> {
                content.appendBuffer(chunk);
                if (content.length() > MAX_GATHERED_RESPONSE_BYTES) {
                    stream.pause();
                    stream.handler(null);
                    stream.endHandler(null);
                    stream.exceptionHandler(null);
                    response.setBody(Body.body(new GatheredThenRest(content, stream)));
                    context.sendResponse().onComplete(sent);
                }
            });
            stream.resume();
            return sent.future();
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

    /** A body that was partly read already: what was gathered, then the rest of the stream, with its back-pressure. */
    static final class GatheredThenRest implements ReadStream<Buffer> {

        private final ReadStream<Buffer> rest;
        private Buffer gathered;
        private Handler<Buffer> handler;
        private boolean paused = true;

        GatheredThenRest(Buffer gathered, ReadStream<Buffer> rest) {
            this.gathered = gathered;
            this.rest = rest;
        }

        @Override
        public ReadStream<Buffer> handler(Handler<Buffer> handler) {
            this.handler = handler;
            rest.handler(handler);
            return this;
        }

        @Override
        public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
            rest.exceptionHandler(handler);
            return this;
        }

        @Override
        public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
            rest.endHandler(endHandler);
            return this;
        }

        @Override
        public ReadStream<Buffer> pause() {
            paused = true;
            rest.pause();
            return this;
        }

        @Override
        public ReadStream<Buffer> resume() {
            paused = false;
            if (emitGathered() && !paused) {
                rest.resume();
            }
            return this;
        }

        @Override
        public ReadStream<Buffer> fetch(long amount) {
            long left = amount;
            if (left > 0 && gathered != null && handler != null) {
                emitGathered();
                left--;
            }
            if (left > 0) {
                rest.fetch(left);
            }
            return this;
        }

        /** Hands over the gathered part first; false while there is no handler to take it. */
        private boolean emitGathered() {
            if (gathered == null) {
                return true;
            }
            if (handler == null) {
                return false;
            }
            Buffer first = gathered;
            gathered = null;
            handler.handle(first);
            return true;
        }
    }
}
