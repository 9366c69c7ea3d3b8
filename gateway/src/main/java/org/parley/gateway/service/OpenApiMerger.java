package org.parley.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.tags.Tag;
import org.parley.gateway.routing.RoutingTable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Merges the services' OpenAPI documents and the gateway's own into the one document clients see.
 * <p>
 * The merge refuses, rather than silently picking one side, whatever would make the result lie or make
 * generated SDKs ambiguous: an operation without an operationId or with one used twice, a path documented
 * twice or documented by a service the gateway does not route it to, and two different components (schemas,
 * responses, ...) with one name. Identical components with one name, such as the {@code Problem} schema every
 * service gets from api-support, become one.
 */
public final class OpenApiMerger {

    /** One document and who serves it: a service behind the gateway, or {@link RoutingTable#GATEWAY}. */
    public record Source(String owner, OpenAPI document) {
    }

    /** The documents cannot be merged; the message says which names clash and where. */
    public static final class ConflictException extends RuntimeException {

        private final List<String> conflicts;

        ConflictException(List<String> conflicts) {
            super("The OpenAPI documents cannot be merged: " + String.join("; ", conflicts));
            this.conflicts = List.copyOf(conflicts);
        }

        public List<String> conflicts() {
            return conflicts;
        }
    }

    private record Kind<T>(String name, Function<Components, Map<String, T>> get, BiConsumer<Components, Map<String, T>> set) {
    }

    private static final List<Kind<?>> COMPONENT_KINDS = List.of(
            new Kind<>("schema", Components::getSchemas, Components::setSchemas),
            new Kind<>("response", Components::getResponses, Components::setResponses),
            new Kind<>("parameter", Components::getParameters, Components::setParameters),
            new Kind<>("example", Components::getExamples, Components::setExamples),
            new Kind<>("request body", Components::getRequestBodies, Components::setRequestBodies),
            new Kind<>("header", Components::getHeaders, Components::setHeaders),
            new Kind<>("security scheme", Components::getSecuritySchemes, Components::setSecuritySchemes),
            new Kind<>("link", Components::getLinks, Components::setLinks),
            new Kind<>("callback", Components::getCallbacks, Components::setCallbacks),
            new Kind<>("path item", Components::getPathItems, Components::setPathItems));

    private final RoutingTable routing;

    public OpenApiMerger(RoutingTable routing) {
        this.routing = routing;
    }

    /**
     * @param base    what the merged document says about itself: openapi version, info, servers, and tag
     *                descriptions used where a source does not describe a tag
     * @param sources the documents to merge
     */
    public OpenAPI merge(OpenAPI base, List<Source> sources) {
        List<String> conflicts = new ArrayList<>();
        Map<String, PathItem> paths = new TreeMap<>();
        Map<String, String> pathOwners = new LinkedHashMap<>();
        Map<String, String> operationIds = new LinkedHashMap<>();
        Map<String, Tag> declaredTags = new LinkedHashMap<>();
        List<String> usedTags = new ArrayList<>();
        Components components = OASFactory.createComponents();
        Map<String, String> componentOwners = new LinkedHashMap<>();

        for (Source source : sources) {
            OpenAPI document = source.document();
            if (document.getOpenapi() != null && base.getOpenapi() != null && !document.getOpenapi().equals(base.getOpenapi())) {
                conflicts.add(source.owner() + " uses OpenAPI " + document.getOpenapi() + ", the merged document " + base.getOpenapi());
            }
            if (document.getPaths() != null && document.getPaths().getPathItems() != null) {
                document.getPaths().getPathItems().forEach((path, item) -> {
                    String routedTo = routing.ownerOf(path);
                    if (!routedTo.equals(source.owner())) {
                        conflicts.add(source.owner() + " documents " + path + ", but the gateway routes that path to " + routedTo);
                    }
                    String other = pathOwners.putIfAbsent(path, source.owner());
                    if (other != null) {
                        conflicts.add("path " + path + " is documented by both " + other + " and " + source.owner());
                        return;
                    }
                    paths.put(path, item);
                    operations(item).forEach((method, operation) -> {
                        String where = source.owner() + " " + method + " " + path;
                        String id = operation.getOperationId();
                        if (id == null || id.isBlank()) {
                            conflicts.add(where + " has no operationId");
                        } else {
                            String first = operationIds.putIfAbsent(id, where);
                            if (first != null) {
                                conflicts.add("operationId '" + id + "' is used by both " + first + " and " + where);
                            }
                        }
                        if (operation.getTags() != null) {
                            operation.getTags().stream().filter(tag -> !usedTags.contains(tag)).forEach(usedTags::add);
                        }
                        if (!RoutingTable.GATEWAY.equals(source.owner())) {
                            proxied(operation);
                        }
                    });
                });
            }
            if (document.getTags() != null) {
                for (Tag tag : document.getTags()) {
                    Tag known = declaredTags.get(tag.getName());
                    if (known == null || (isBlank(known.getDescription()) && !isBlank(tag.getDescription()))) {
                        declaredTags.put(tag.getName(), tag);
                    }
                }
            }
            if (document.getComponents() != null) {
                for (Kind<?> kind : COMPONENT_KINDS) {
                    mergeComponents(kind, source.owner(), document.getComponents(), components, componentOwners, conflicts);
                }
            }
        }
        if (!conflicts.isEmpty()) {
            throw new ConflictException(conflicts);
        }

        OpenAPI merged = OASFactory.createOpenAPI()
                .openapi(base.getOpenapi())
                .info(base.getInfo())
                .externalDocs(base.getExternalDocs())
                .servers(base.getServers());
        merged.setTags(tags(usedTags, declaredTags, base.getTags()));
        Paths mergedPaths = OASFactory.createPaths();
        paths.forEach(mergedPaths::addPathItem);
        merged.setPaths(mergedPaths);
        merged.setComponents(components);
        return merged;
    }

    private static <T> void mergeComponents(Kind<T> kind, String owner, Components from, Components into,
                                            Map<String, String> owners, List<String> conflicts) {
        Map<String, T> incoming = kind.get().apply(from);
        if (incoming == null || incoming.isEmpty()) {
            return;
        }
        Map<String, T> existing = kind.get().apply(into);
        Map<String, T> result = new TreeMap<>(existing == null ? Map.of() : existing);
        incoming.forEach((name, component) -> {
            T already = result.get(name);
            String key = kind.name() + " " + name;
            if (already == null) {
                result.put(name, component);
                owners.put(key, owner);
            } else if (!sameComponent(kind, already, component)) {
                conflicts.add(kind.name() + " '" + name + "' is defined differently by " + owners.get(key) + " and " + owner);
            }
        });
        kind.set().accept(into, result);
    }

    /** What the gateway itself may answer for an operation a service behind it serves. */
    private static void proxied(Operation operation) {
        if (operation.getResponses() == null) {
            return;
        }
        addProblem(operation, "503", "The service behind the gateway that owns this path is down (service-unavailable); retry after Retry-After");
        addProblem(operation, "504", "That service did not answer in time (gateway-timeout); a write may or may not have been applied, so read before retrying");
    }

    private static void addProblem(Operation operation, String status, String description) {
        if (operation.getResponses().hasAPIResponse(status)) {
            return;
        }
        operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType("application/problem+json", OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("#/components/schemas/Problem")))));
    }

    /** Compared as JSON trees: the model classes do not define equality, and the written form is what clients see. */
    private static <T> boolean sameComponent(Kind<T> kind, T one, T other) {
        return Objects.equals(componentTree(kind, one), componentTree(kind, other));
    }

    private static <T> JsonNode componentTree(Kind<T> kind, T component) {
        Components holder = OASFactory.createComponents();
        kind.set().accept(holder, Map.of("it", component));
        OpenAPI document = OASFactory.createOpenAPI().openapi("3.1.0").components(holder);
        JsonNode components = OpenApiDocuments.tree(OpenApiDocuments.toJson(document)).path("components");
        return components.isEmpty() ? components : components.elements().next().path("it");
    }

    /** A tag for every tag an operation uses, sorted by name, described by a source or else by the base. */
    private static List<Tag> tags(List<String> used, Map<String, Tag> declared, List<Tag> baseTags) {
        Map<String, Tag> fallback = new LinkedHashMap<>();
        if (baseTags != null) {
            baseTags.forEach(tag -> fallback.put(tag.getName(), tag));
        }
        return used.stream()
                .sorted(Comparator.naturalOrder())
                .map(name -> {
                    Tag tag = declared.get(name);
                    if (tag == null || isBlank(tag.getDescription())) {
                        Tag described = fallback.get(name);
                        return described != null ? described : tag != null ? tag : OASFactory.createTag().name(name);
                    }
                    return tag;
                })
                .toList();
    }

    private static Map<PathItem.HttpMethod, Operation> operations(PathItem item) {
        Map<PathItem.HttpMethod, Operation> operations = item.getOperations();
        return operations == null ? Map.of() : operations;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
