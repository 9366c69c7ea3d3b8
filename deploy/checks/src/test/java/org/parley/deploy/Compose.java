package org.parley.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * deploy/compose/compose.yaml, read as the Compose tool reads it (before variable interpolation): with its
 * anchors and merge keys resolved, which SnakeYAML does and Jackson's YAML reader does not.
 */
final class Compose {

    private Compose() {
    }

    static ObjectNode file() {
        try {
            String text = Files.readString(Checkout.path("deploy/compose/compose.yaml"), StandardCharsets.UTF_8);
            return Yaml.MAPPER.valueToTree(new org.yaml.snakeyaml.Yaml().load(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the environment variables one service sets (map or list form). */
    static List<String> environment(ObjectNode compose, String service) {
        JsonNode environment = compose.path("services").path(service).path("environment");
        List<String> names = new ArrayList<>();
        if (environment.isArray()) {
            environment.forEach(e -> names.add(e.asText().split("=", 2)[0]));
        } else {
            environment.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }
}
