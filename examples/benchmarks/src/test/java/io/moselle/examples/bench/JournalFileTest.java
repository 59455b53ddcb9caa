package io.moselle.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.moselle.cin7.simulator.JournalEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The calls of a first run written out with {@code -Djournal=}, one a line. */
class JournalFileTest {
    @TempDir
    Path dir;

    @Test
    void eachCallIsALineOfWhenItsLatencyStatusResourceQueryAndRows() throws IOException {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("page", "2");
        query.put("rows", "250");
        Path file = dir.resolve("calls.txt");

        OnboardingBenchmark.writeJournal(List.of(
                new JournalEntry("GET", "v1/Stock", query, 200, "u", null, OnboardingBenchmark.NOW.plusMillis(12_345),
                        Duration.ofMillis(1_020), "", 250),
                new JournalEntry("GET", "v1/Branches", Map.of(), 429, "u", null, OnboardingBenchmark.NOW.plusSeconds(61),
                        Duration.ZERO, "", 0)), file);

        assertThat(Files.readAllLines(file)).containsExactly(
                "12.35 1.02 200 v1/Stock {page=2, rows=250} 250",
                "61.00 0.00 429 v1/Branches {} 0");
    }
}
