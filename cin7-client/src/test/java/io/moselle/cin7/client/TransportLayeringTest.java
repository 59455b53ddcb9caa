package io.moselle.cin7.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The transport at the bottom of the client depends on nothing of the client above it. */
class TransportLayeringTest {
    private static final String INTERNAL = "io.moselle.cin7.client.internal";

    @Test
    void theTransportImportsNothingOfTheClient() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("src/main/java/io/moselle/cin7/client/internal"))) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(files).isNotEmpty().allSatisfy(file -> assertThat(read(file).lines().filter(l -> l.startsWith("import io.moselle.")))
                .as(file.toString()).allMatch(l -> l.startsWith("import " + INTERNAL + ".")));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
