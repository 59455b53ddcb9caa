package io.moselle.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.moselle.sync.internal.AtomicFiles;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void contentThatClosesItsStreamIsStillWrittenWhole() throws Exception {
        Path file = dir.resolve("a.json");
        AtomicFiles.writeNew(file, out -> new ObjectMapper().writeValue(out, Map.of("a", 1))); // Jackson closes the stream
        assertThat(Files.readString(file)).isEqualTo("{\"a\":1}");
        AtomicFiles.replace(file, out -> new ObjectMapper().writeValue(out, Map.of("a", 2)));
        assertThat(Files.readString(file)).isEqualTo("{\"a\":2}");
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file left").containsExactly(file);
        }
    }

    @Test
    void anInterruptedThreadStillWritesItsFile() throws Exception {
        Path file = dir.resolve("a");
        Thread.currentThread().interrupt(); // as stopping a run does to the threads that save its checkpoints
        try {
            AtomicFiles.replace(file, out -> out.write("whole".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } finally {
            assertThat(Thread.interrupted()).as("the interrupt is kept for the thread's owner").isTrue();
        }
        assertThat(Files.readString(file)).isEqualTo("whole");
    }

    @Test
    void writeNewNeverOverwrites() throws Exception {
        Path file = Files.writeString(dir.resolve("a"), "old");
        assertThatThrownBy(() -> AtomicFiles.writeNew(file, out -> out.write('x'))).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(file)).isEqualTo("old");
    }
}
