package io.moselle.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module's dependency rules, read from its sources: the domain records know nothing of
 * Cin7, and the Cin7 rules use the client's model types only, never its HTTP code.
 */
class DependencyRulesTest {
    private static final Path SOURCES = Path.of("src/main/java/io/moselle/mapping");

    private static List<String> imports(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith("import ")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Stream<Path> javaFiles(Path dir, boolean recursive) throws IOException {
        return (recursive ? Files.walk(dir) : Files.list(dir)).filter(p -> p.toString().endsWith(".java"));
    }

    @Test
    void domainRecordsAreIntegrationNeutral() throws IOException {
        try (Stream<Path> files = javaFiles(SOURCES, false)) {
            assertThat(files.toList()).isNotEmpty().allSatisfy(file ->
                    assertThat(imports(file)).as(file.toString()).noneMatch(i -> i.contains("io.moselle.cin7")));
        }
    }

    @Test
    void cin7RulesUseOnlyTheClientsModelTypes() throws IOException {
        try (Stream<Path> files = javaFiles(SOURCES.resolve("cin7"), true)) {
            assertThat(files.toList()).isNotEmpty().allSatisfy(file -> assertThat(imports(file)).as(file.toString())
                    .filteredOn(i -> i.contains("io.moselle.cin7"))
                    .allMatch(i -> i.startsWith("import io.moselle.cin7.client.model.")));
        }
    }
}
