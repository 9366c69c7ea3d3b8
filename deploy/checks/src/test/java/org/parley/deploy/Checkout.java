package org.parley.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the checkout's files are, from the module the tests run in. */
final class Checkout {

    static final Path ROOT = find();

    private Checkout() {
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    private static Path find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("deploy/k8s"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Not inside a Parley checkout: " + Path.of("").toAbsolutePath());
    }
}
