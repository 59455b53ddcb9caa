package io.moselle.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.moselle.cin7.testing.ApiBoundary;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The benchmarks use the SDK as a host would: through the packages its modules export. */
class ApiBoundaryTest {
    @Test
    void theBenchmarksCompileAgainstTheExportedPackagesAlone() {
        ApiBoundary.Result result = ApiBoundary.compile(Path.of("src/main/java"));
        assertThat(result.compiled()).as(result.diagnostics()).isTrue();
    }
}
