package io.moselle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.moselle.cin7.testing.ApiBoundary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The command line uses the SDK as a host would: through the packages its modules export. The
 * module descriptors make the compiler refuse anything else, which the probes show.
 */
class ApiBoundaryTest {
    @Test
    void theCommandLineCompilesAgainstTheExportedPackagesAlone() {
        ApiBoundary.Result result = ApiBoundary.compile(Path.of("src/main/java"));
        assertThat(result.compiled()).as(result.diagnostics()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"io.moselle.sync.internal.Engine", "io.moselle.mapping.internal.Tally",
            "io.moselle.cin7.client.internal.HttpTransport"})
    void aUseOfMachineryOutsideItsModuleDoesNotCompile(String type, @TempDir Path dir) throws Exception {
        Path probe = Files.writeString(dir.resolve("Probe.java"), "class Probe { " + type + " machinery; }");
        ApiBoundary.Result result = ApiBoundary.compile(List.of(probe));
        String pkg = type.substring(0, type.lastIndexOf('.'));
        assertThat(result.compiled()).isFalse();
        assertThat(result.diagnostics()).contains("package " + pkg + " is not visible").contains("does not export it");
    }

    @Test
    void theSameProbeOnAnExportedTypeCompiles(@TempDir Path dir) throws Exception {
        Path probe = Files.writeString(dir.resolve("Probe.java"), "class Probe { io.moselle.sync.SyncEngine engine; }");
        ApiBoundary.Result result = ApiBoundary.compile(List.of(probe));
        assertThat(result.compiled()).as(result.diagnostics()).isTrue();
    }
}
