package io.moselle.examples.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.moselle.cin7.testing.ApiBoundary;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The metrics listener uses the SDK as a host would: through the packages its modules export. */
class ApiBoundaryTest {
    @Test
    void theListenerCompilesAgainstTheExportedPackagesAlone() {
        ApiBoundary.Result result = ApiBoundary.compile(Path.of("src/main/java"));
        assertThat(result.compiled()).as(result.diagnostics()).isTrue();
    }
}
