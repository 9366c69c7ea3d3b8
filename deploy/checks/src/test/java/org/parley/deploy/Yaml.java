package org.parley.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads YAML (one document or a stream of them) as Jackson trees. */
final class Yaml {

    static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());

    private Yaml() {
    }

    static List<ObjectNode> documents(String text) {
        try (YAMLParser parser = new YAMLFactory().createParser(text)) {
            List<ObjectNode> documents = new ArrayList<>();
            for (var it = MAPPER.readValues(parser, JsonNode.class); it.hasNext(); ) {
                JsonNode node = it.next();
                if (node instanceof ObjectNode object) {
                    documents.add(object);
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode document(String text) {
        List<ObjectNode> documents = documents(text);
        if (documents.size() != 1) {
            throw new IllegalArgumentException("Expected one YAML document, found " + documents.size());
        }
        return documents.get(0);
    }
}
