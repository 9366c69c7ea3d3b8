package org.parley.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomization with {@code kubectl kustomize}, as a platform engineer would before applying it.
 * kubectl is part of this project's build machine; without it the checks fail rather than pass unseen.
 */
final class Kustomize {

    static final List<String> OVERLAYS = List.of("dev", "prod");

    private Kustomize() {
    }

    private static final Map<String, List<ObjectNode>> RENDERED = new ConcurrentHashMap<>();

    /** The overlay as rendered, once per test JVM; each caller gets its own copy, to change as it likes. */
    static List<ObjectNode> overlay(String name) {
        return RENDERED.computeIfAbsent(name, n -> render(Checkout.path("deploy/k8s/overlays/" + n))).stream()
                .map(ObjectNode::deepCopy).toList();
    }

    static List<ObjectNode> render(Path kustomization) {
        try {
            Process process = new ProcessBuilder("kubectl", "kustomize", kustomization.toString())
                    .redirectErrorStream(false)
                    .start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + kustomization + " failed: " + err.strip());
            }
            return Yaml.documents(new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("The deploy/k8s checks need kubectl (1.32 or newer, with kustomize) on the PATH, "
                    + "to render the overlays: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while rendering " + kustomization, e);
        }
    }

    /** The objects of one kind in a rendered overlay. */
    static List<ObjectNode> ofKind(List<ObjectNode> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    static ObjectNode named(List<ObjectNode> objects, String kind, String name) {
        return ofKind(objects, kind).stream()
                .filter(o -> name.equals(o.path("metadata").path("name").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No " + kind + " " + name));
    }
}
