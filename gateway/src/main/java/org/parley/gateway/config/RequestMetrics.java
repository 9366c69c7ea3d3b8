package org.parley.gateway.config;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.regex.Pattern;

/**
 * The {@code uri} tag of the gateway's {@code http_server_requests_seconds} as a path template. Quarkus turns a
 * path into its template only for its own REST endpoints; a request the proxy forwards is tagged by its raw path,
 * so every id made a meter of its own, and once {@code max-uri-tags} (100) was reached the rest went unmeasured.
 * Ids are UUIDs and a party's slug follows {@code by-slug}, so the templates are those of the API description
 * ({@code /api/v1/proposals/{id}/positions/{id}}) without the gateway keeping a list of routes in step with it.
 */
public class RequestMetrics {

    static final String SERVER_REQUESTS = "http.server.requests";

    private static final Pattern ID = Pattern.compile(
            "(?<=/)[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?=/|$)");
    private static final Pattern SLUG = Pattern.compile("(?<=/by-slug/)[^/]+");

    @Produces
    @Singleton
    MeterFilter pathTemplates() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String uri = id.getTag("uri");
                if (uri == null || !id.getName().equals(SERVER_REQUESTS)) {
                    return id;
                }
                String template = template(uri);
                return template.equals(uri) ? id : id.replaceTags(Tags.of(id.getTagsAsIterable()).and("uri", template));
            }
        };
    }

    /** A request path with its ids and slugs replaced by {@code {id}} and {@code {slug}}. */
    static String template(String path) {
        return SLUG.matcher(ID.matcher(path).replaceAll("{id}")).replaceAll("{slug}");
    }
}
