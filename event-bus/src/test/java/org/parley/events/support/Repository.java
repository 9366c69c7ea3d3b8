package org.parley.events.support;

import java.nio.file.Files;
import java.nio.file.Path;

public final class Repository {

    private Repository() {
    }

    /** The directory that holds event-bus/ and docs/, wherever the tests run from. */
    public static Path root() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.exists(directory.resolve("event-bus").resolve("pom.xml"))) {
            directory = directory.getParent();
        }
        if (directory == null) {
            throw new IllegalStateException("Run the tests from within the Parley repository");
        }
        return directory;
    }
}
