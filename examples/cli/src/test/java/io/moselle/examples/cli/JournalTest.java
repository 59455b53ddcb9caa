package io.moselle.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    @TempDir
    Path dir;

    static JsonNode entry(int n) {
        return JsonNodeFactory.instance.objectNode().put("n", n);
    }

    @Test
    void aThreadInterruptedWhileItAppendsLeavesTheJournalOpenAndWhole() throws Exception {
        Path file = dir.resolve("journal.jsonl");
        Journal journal = Journal.create(file, entry(0), CrashPoints.NONE);
        Thread.currentThread().interrupt(); // as stopping a run does to the threads delivering its pages
        try {
            journal.append(entry(1), true);
        } finally {
            Thread.interrupted();
        }
        journal.append(entry(2), true);
        journal.close();

        List<JsonNode> entries = new ArrayList<>();
        Journal.Replayed replayed = Journal.replay(file, entries::add).orElseThrow();
        assertThat(replayed.header()).isEqualTo(entry(0));
        assertThat(entries).containsExactly(entry(1), entry(2));
        assertThat(replayed.intactBytes()).isEqualTo(Files.size(file));
    }

    @Test
    void replayStopsAtTheFirstLineThatIsNotWholeAndAppendingGoesOnFromThere() throws Exception {
        Path file = dir.resolve("journal.jsonl");
        try (Journal journal = Journal.create(file, entry(0), CrashPoints.NONE)) {
            journal.append(entry(1), false);
        }
        long whole = Files.size(file);
        Files.writeString(file, "0badc0de {\"n\":2}\n" + "{\"n\":3}\n", java.nio.file.StandardOpenOption.APPEND);

        List<JsonNode> entries = new ArrayList<>();
        Journal.Replayed replayed = Journal.replay(file, entries::add).orElseThrow();
        assertThat(entries).containsExactly(entry(1));
        assertThat(replayed.intactBytes()).isEqualTo(whole);
        try (Journal journal = Journal.continueAfter(file, replayed, CrashPoints.NONE)) {
            journal.append(entry(4), true);
        }
        entries.clear();
        Journal.replay(file, entries::add);
        assertThat(entries).containsExactly(entry(1), entry(4));
    }
}
