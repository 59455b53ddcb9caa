package io.moselle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rules of the whole project's structure, read from its sources (this module builds last, so it
 * sees every other): the client's internals stay inside the client, and depend on nothing of it.
 */
class ProjectStructureTest {
    private static final Path ROOT = Path.of("..");
    private static final String INTERNAL = "io.moselle.cin7.client.internal";

    private static List<Path> javaFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void nothingOutsideTheClientUsesItsInternals() {
        for (String module : List.of("moselle-mapping", "sync-engine", "examples")) {
            assertThat(javaFiles(ROOT.resolve(module).resolve("src"))).isNotEmpty()
                    .filteredOn(file -> !file.endsWith("ProjectStructureTest.java"))
                    .allSatisfy(file -> assertThat(read(file)).as(file.toString()).doesNotContain(INTERNAL));
        }
    }

    @Test
    void theClientsInternalsDependOnNothingOfTheClient() {
        List<Path> internal = javaFiles(ROOT.resolve("cin7-client/src/main/java/io/moselle/cin7/client/internal"));
        assertThat(internal).isNotEmpty().allSatisfy(file -> assertThat(read(file).lines()
                .filter(l -> l.startsWith("import io.moselle.")))
                .as(file.toString()).allMatch(l -> l.startsWith("import " + INTERNAL + ".")));
    }
}
