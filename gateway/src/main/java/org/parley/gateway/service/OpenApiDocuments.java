package org.parley.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.openapi.api.SmallRyeOpenAPI;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.openapi.models.OpenAPI;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads and writes OpenAPI documents with the SmallRye OpenAPI model. An empty configuration keeps the
 * gateway's own {@code mp.openapi.*} settings (title, servers, ...) out of documents that are not its own.
 */
public final class OpenApiDocuments {

    private static final Config NO_CONFIG = new SmallRyeConfigBuilder().build();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private OpenApiDocuments() {
    }

    /** Parses a document in YAML or JSON (JSON is YAML too). */
    public static OpenAPI parse(String text) {
        return builder()
                .withCustomStaticFile(() -> new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
                .build()
                .model();
    }

    public static String toYaml(OpenAPI document) {
        return builder().withInitialModel(document).build().toYAML();
    }

    public static String toJson(OpenAPI document) {
        return builder().withInitialModel(document).build().toJSON();
    }

    /**
     * A document as a tree, for comparing two documents by meaning rather than by text: key order,
     * quoting and YAML-versus-JSON do not matter, content does.
     */
    public static JsonNode tree(String yamlOrJson) {
        try {
            return YAML.readTree(yamlOrJson);
        } catch (IOException e) {
            throw new UncheckedIOException("Not a YAML or JSON document: " + e.getMessage(), e);
        }
    }

    private static SmallRyeOpenAPI.Builder builder() {
        return SmallRyeOpenAPI.builder()
                .withConfig(NO_CONFIG)
                .withApplicationClassLoader(OpenApiDocuments.class.getClassLoader())
                .enableModelReader(false)
                .enableStandardStaticFiles(false)
                .enableAnnotationScan(false)
                .enableStandardFilter(false)
                .defaultRequiredProperties(false);
    }
}
