package org.parley.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Makes each service's OpenAPI document say exactly what the API conventions guarantee, so that resources
 * only annotate what is particular to them:
 * <ul>
 *   <li>every 4xx/5xx response is an {@code application/problem+json} {@link Problem} (a response annotation
 *       names the status and says when; the body is added here), and the statuses every operation of a kind
 *       can answer are declared: 400 for a path id that is not a UUID or a bad parameter, 415 for a body that
 *       is not JSON, 412 and 428 for an update guarded by a required {@code If-Match};</li>
 *   <li>{@code If-Match} is required wherever 428 is answered;</li>
 *   <li>{@code ETag} and {@code Location} are described once, as header components; every 201 declares
 *       {@code Location}, and a response with an ETag refers to it ({@code @Header(name = "ETag", ref = "ETag")});</li>
 *   <li>every schema only ever sent by the server lists every property as required: the services serialise
 *       every property, nulls included, so a property is always there and may be null only where its schema
 *       says so ({@code @Schema(nullable = true)});</li>
 *   <li>page schemas are named after their items ({@code MeetingPage}), whatever the Java generics say;</li>
 *   <li>every operation declares 503 with {@code Retry-After}: any of them can meet an unreachable database;</li>
 *   <li>{@code Problem.type} is the closed {@link ProblemType} registry.</li>
 * </ul>
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ContractFilter implements OASFilter {

    static final String SCHEMAS = "#/components/schemas/";
    static final String HEADERS = "#/components/headers/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null || openAPI.getPaths() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        declareHeaders(openAPI);
        renamePages(openAPI, schemas);
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            path.getValue().getOperations().forEach((method, operation) -> conventions(method, operation, schemas));
        }
        requireWhatIsAlwaysSent(openAPI, schemas);
        Schema problem = schemas.get("Problem");
        if (problem != null && problem.getProperties() != null && problem.getProperties().get("type") != null) {
            problem.getProperties().get("type").enumeration(new ArrayList<>(ProblemType.uris()));
        }
    }

    private void conventions(PathItem.HttpMethod method, Operation operation, Map<String, Schema> schemas) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            return;
        }
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean uuidInPath = parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH && p.getSchema() != null
                && ("uuid".equals(p.getSchema().getFormat()) || ref(p.getSchema()).equals("UUID")));
        boolean queryParameters = parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY);
        Parameter ifMatch = parameters.stream().filter(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName()))
                .findFirst().orElse(null);

        // A PUT that may also create (201, such as a party's first position) takes If-Match only once the resource exists.
        if (ifMatch != null && responses.hasAPIResponse("428") && !responses.hasAPIResponse("201")) {
            ifMatch.required(true);
        }
        if (ifMatch != null && Boolean.TRUE.equals(ifMatch.getRequired())) {
            addIfMissing(responses, "428", "If-Match is missing");
            addIfMissing(responses, "412", "If-Match is stale: the resource changed since it was read");
        }
        if (uuidInPath) {
            addIfMissing(responses, "400", "An id in the path is not a UUID");
        }
        if (queryParameters) {
            addIfMissing(responses, "400", "A parameter is invalid; the problem names it");
        }
        if (operation.getRequestBody() != null) {
            addIfMissing(responses, "400", "Malformed JSON, an unknown field, a value outside a vocabulary, or invalid fields (listed in violations)");
            addIfMissing(responses, "415", "The body is not application/json");
        }
        if (!responses.hasAPIResponse("503")) {
            APIResponse unavailable = OASFactory.createAPIResponse()
                    .description("The service or its database cannot be reached right now; nothing was changed. Retry after Retry-After seconds");
            header(unavailable, "Retry-After");
            responses.addAPIResponse("503", unavailable);
        }
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                if (response.getContent() == null || response.getContent().getMediaTypes().isEmpty()) {
                    response.content(problemContent());
                }
            } else if (status.equals("201")) {
                header(response, "Location");
            }
        });
        // Statuses in numeric order, as a reader expects them.
        Map<String, APIResponse> sorted = new java.util.TreeMap<>(responses.getAPIResponses());
        responses.setAPIResponses(new LinkedHashMap<>(sorted));
    }

    private static void addIfMissing(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMAS + "Problem")));
    }

    private static void header(APIResponse response, String name) {
        if (response.getHeaders() == null || response.getHeaders().keySet().stream().noneMatch(name::equalsIgnoreCase)) {
            response.addHeader(name, OASFactory.createHeader().ref(HEADERS + name));
        }
    }

    /** The headers responses refer to ({@code @Header(name = "ETag", ref = "ETag")}), described once. */
    private static void declareHeaders(OpenAPI openAPI) {
        openAPI.getComponents().addHeader("ETag", OASFactory.createHeader()
                .description("The version of the resource, to send back in If-Match when changing it")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).examples(List.of("\"0\""))));
        openAPI.getComponents().addHeader("Retry-After", OASFactory.createHeader()
                .description("Seconds to wait before trying again")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(java.math.BigDecimal.ZERO)));
        openAPI.getComponents().addHeader("Location", OASFactory.createHeader()
                .description("The URL of the new resource, on the gateway")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")));
    }

    /** Schemas the server only sends: every property is always present (null where declared nullable). */
    private static void requireWhatIsAlwaysSent(OpenAPI openAPI, Map<String, Schema> schemas) {
        Set<String> sent = new LinkedHashSet<>();
        Set<String> received = new LinkedHashSet<>();
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                    operation.getRequestBody().getContent().getMediaTypes().values()
                            .forEach(m -> reach(m.getSchema(), schemas, received));
                }
                if (operation.getParameters() != null) {
                    operation.getParameters().forEach(p -> reach(p.getSchema(), schemas, received));
                }
                if (operation.getResponses() != null) {
                    operation.getResponses().getAPIResponses().values().stream()
                            .filter(r -> r.getContent() != null)
                            .forEach(r -> r.getContent().getMediaTypes().values().forEach(m -> reach(m.getSchema(), schemas, sent)));
                }
            }
        }
        sent.removeAll(received);
        sent.remove("Problem"); // its optional members are left out when empty; it declares its own required ones
        for (String name : sent) {
            Schema schema = schemas.get(name);
            if (schema.getProperties() == null || schema.getProperties().isEmpty()) {
                continue;
            }
            List<String> required = new ArrayList<>(schema.getRequired() == null ? List.of() : schema.getRequired());
            schema.getProperties().keySet().stream().filter(property -> !required.contains(property)).forEach(required::add);
            schema.setRequired(required);
        }
    }

    /** Adds the component schemas {@code schema} refers to, directly or through other schemas. */
    private static void reach(Schema schema, Map<String, Schema> schemas, Set<String> names) {
        Deque<Schema> todo = new ArrayDeque<>();
        if (schema != null) {
            todo.add(schema);
        }
        while (!todo.isEmpty()) {
            Schema next = todo.poll();
            String ref = ref(next);
            if (!ref.isEmpty()) {
                if (names.add(ref) && schemas.get(ref) != null) {
                    todo.add(schemas.get(ref));
                }
                continue;
            }
            Consumer<Schema> add = s -> {
                if (s != null) {
                    todo.add(s);
                }
            };
            if (next.getProperties() != null) {
                next.getProperties().values().forEach(add);
            }
            add.accept(next.getItems());
            add.accept(next.getContentSchema()); // the rows of a streamed export (NDJSON)
            if (next.getAdditionalPropertiesSchema() != null) {
                add.accept(next.getAdditionalPropertiesSchema());
            }
            for (List<Schema> group : new List[] {next.getAnyOf(), next.getOneOf(), next.getAllOf()}) {
                if (group != null) {
                    group.forEach(add);
                }
            }
        }
    }

    static String ref(Schema schema) {
        String ref = schema == null ? null : schema.getRef();
        return ref != null && ref.startsWith(SCHEMAS) ? ref.substring(SCHEMAS.length()) : "";
    }

    /**
     * {@code Page<MeetingView>} is named PageMeetingView by the scanner; every page is named after the
     * schema of its items instead ({@code MeetingPage}), one shape under one naming rule.
     */
    private static void renamePages(OpenAPI openAPI, Map<String, Schema> schemas) {
        Map<String, String> renames = new HashMap<>();
        for (Map.Entry<String, Schema> entry : schemas.entrySet()) {
            Schema schema = entry.getValue();
            if (!entry.getKey().startsWith("Page") || schema.getProperties() == null || !schema.getProperties().containsKey("items")) {
                continue;
            }
            String item = ref(schema.getProperties().get("items").getItems());
            if (!item.isEmpty() && !schemas.containsKey(item + "Page")) {
                renames.put(entry.getKey(), item + "Page");
            }
        }
        renames.forEach((from, to) -> {
            Schema page = schemas.get(from);
            openAPI.getComponents().removeSchema(from);
            if (page.getDescription() == null) {
                page.description("One page of " + to.substring(0, to.length() - "Page".length()) + " items");
            }
            openAPI.getComponents().addSchema(to, page);
        });
        if (renames.isEmpty()) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getResponses() == null) {
                    continue;
                }
                for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
                    if (response.getContent() == null) {
                        continue;
                    }
                    for (MediaType media : response.getContent().getMediaTypes().values()) {
                        String to = renames.get(ref(media.getSchema()));
                        if (to != null) {
                            media.getSchema().ref(SCHEMAS + to);
                        }
                    }
                }
            }
        }
    }
}
