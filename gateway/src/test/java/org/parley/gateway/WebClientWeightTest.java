package org.parley.gateway;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web client's page weight: all its JavaScript and CSS, each file gzip-compressed as a server would send
 * it, stays within the budget stated in docs/web.md. A plain unit test over the static resources.
 */
class WebClientWeightTest {

    /** The budget in docs/web.md: 40 KiB of JS + CSS, gzip-compressed, for the whole client. */
    static final int BUDGET_BYTES = 40 * 1024;
    private static final Path CLIENT = Path.of("src/main/resources/META-INF/resources");

    @Test
    void javaScriptAndCssStayWithinTheBudget() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(CLIENT)) {
            files = walk.filter(f -> f.toString().endsWith(".js") || f.toString().endsWith(".css")).sorted().toList();
        }
        assertTrue(files.size() >= 2, "the client's scripts and style sheet are found under " + CLIENT.toAbsolutePath());
        long total = files.stream().mapToLong(WebClientWeightTest::gzipSize).sum();
        System.out.printf("web client: %d files, %d bytes of JS + CSS gzip-compressed (budget %d)%n", files.size(), total, BUDGET_BYTES);
        assertTrue(total <= BUDGET_BYTES, "The web client's JS + CSS weigh " + total + " bytes gzip-compressed, over the budget of "
                + BUDGET_BYTES + " (docs/web.md). Make it lighter, or raise the budget there and here with a reason.");
    }

    private static long gzipSize(Path file) {
        try {
            ByteArrayOutputStream compressed = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
                gzip.write(Files.readAllBytes(file));
            }
            return compressed.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
