package io.moselle.examples.cli;


import com.fasterxml.jackson.databind.JsonNode;
import io.moselle.cin7.simulator.Cin7OmniSimulator;
import io.moselle.cin7.simulator.DatasetSpec;
import io.moselle.mapping.MoselleJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** A simulator, a temporary folder and the CLI run in-process with its output captured. */
abstract class CliFixture {
    static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");

    final Cin7OmniSimulator sim = Cin7OmniSimulator.start(DatasetSpec.small(NOW));
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        sim.close();
    }

    Path acme() {
        return dir.resolve("acme");
    }

    int cli(String... args) {
        out.reset();
        err.reset();
        Map<String, String> env = Map.of("CIN7_USERNAME", Cin7OmniSimulator.DEFAULT_USERNAME, "CIN7_API_KEY", Cin7OmniSimulator.DEFAULT_API_KEY);
        return new Cli(env, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** {@code sync} of the simulator into {@code acme}, at {@link #NOW} unless {@code extra} says otherwise. */
    String[] sync(String... extra) {
        return sync(sim, extra);
    }

    String[] sync(Cin7OmniSimulator simulator, String... extra) {
        List<String> args = new ArrayList<>(List.of("sync", "--base-url", simulator.baseUri().toString(), "--out", acme().toString(),
                "--rate-limit", "1000,60000"));
        if (!List.of(extra).contains("--now")) {
            args.addAll(List.of("--now", NOW.toString()));
        }
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    static JsonNode json(Path file) throws Exception {
        return MoselleJson.reader().readTree(Files.readAllBytes(file));
    }

    List<String> stateDirEntries() throws Exception {
        return list(dir.resolve(".acme.sync")).stream().map(p -> p.getFileName().toString()).toList();
    }

    static List<Path> list(Path folder) throws Exception {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.toList();
        }
    }

    static JsonNode read(String line) {
        try {
            return MoselleJson.reader().readTree(line);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
