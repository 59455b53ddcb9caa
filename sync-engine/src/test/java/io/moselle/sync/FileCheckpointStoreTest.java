package io.moselle.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moselle.sync.spi.Checkpoint;
import io.moselle.sync.spi.CheckpointKey;
import io.moselle.sync.spi.FileCheckpointStore;
import io.moselle.sync.spi.Lease;
import io.moselle.sync.spi.LeaseStore;
import io.moselle.sync.spi.Slice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCheckpointStoreTest {
    static final Lease LEASE = LeaseStore.inProcess().acquire("tenant:acme", "test");
    static final Window WINDOW = new Window(Instant.parse("2026-08-29T06:00:00Z"), Instant.parse("2026-11-27T06:00:00Z"));

    @TempDir
    Path dir;

    @Test
    void savesAndLoadsPerTenantAndStream() throws Exception {
        FileCheckpointStore store = new FileCheckpointStore(dir);
        assertThat(store.load("acme", CheckpointKey.daily(SyncStream.SALES_ORDERS))).isEmpty();
        store.save("acme", CheckpointKey.daily(SyncStream.SALES_ORDERS), pending(750), LEASE);
        store.save("acme", CheckpointKey.daily(SyncStream.PURCHASE_ORDERS), pending(0).done(Slice.of(WINDOW)), LEASE);
        store.save("other tenant/ü", CheckpointKey.daily(SyncStream.SALES_ORDERS), pending(0).done(Slice.of(WINDOW)), LEASE);

        FileCheckpointStore reopened = new FileCheckpointStore(dir);
        assertThat(reopened.load("acme", CheckpointKey.daily(SyncStream.SALES_ORDERS))).contains(new Checkpoint(WINDOW, List.of(new Slice(WINDOW, 750))));
        assertThat(reopened.load("acme", CheckpointKey.daily(SyncStream.PURCHASE_ORDERS))).contains(new Checkpoint(WINDOW, List.of()));
        assertThat(reopened.load("other tenant/ü", CheckpointKey.daily(SyncStream.SALES_ORDERS))).isPresent();
        assertThat(reopened.fileOf("other tenant/ü").getParent()).isEqualTo(dir);
        try (var files = java.nio.file.Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).allMatch(n -> n.endsWith(".checkpoints.json"));
        }
    }

    @Test
    void filesGetTheUmasksPermissionsNotPrivateOnes() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path ordinary = Files.createFile(dir.resolve("ordinary"));
        new FileCheckpointStore(dir).save("acme", CheckpointKey.daily(SyncStream.SALES_ORDERS), pending(1), LEASE);
        assertThat(Files.getPosixFilePermissions(new FileCheckpointStore(dir).fileOf("acme")))
                .as("as any file the user creates").isEqualTo(Files.getPosixFilePermissions(ordinary));
    }

    @Test
    void aCorruptFileFailsClearlyWithTheRecovery() throws Exception {
        FileCheckpointStore store = new FileCheckpointStore(dir);
        Files.writeString(store.fileOf("acme"), "{\"SALES_ORDERS\": {\"pendingFrom\": \"yesterday\"");
        assertThatThrownBy(() -> store.load("acme", CheckpointKey.daily(SyncStream.SALES_ORDERS)))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("acme.checkpoints.json")
                .hasMessageContaining("To recover, delete the file");
        Files.writeString(store.fileOf("acme"), "{\"SALES_ORDERS\": {\"pendingFrom\": \"yesterday\", \"pendingTo\": \"x\", \"lastId\": 1}}");
        assertThatThrownBy(() -> store.load("acme", CheckpointKey.daily(SyncStream.SALES_ORDERS))).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("entry SALES_ORDERS is invalid");
        Files.delete(store.fileOf("acme"));
        assertThat(store.load("acme", CheckpointKey.daily(SyncStream.SALES_ORDERS))).isEmpty();
    }

    @Test
    void readersNeverSeeAHalfWrittenFile() throws Exception {
        FileCheckpointStore writer = new FileCheckpointStore(dir);
        FileCheckpointStore reader = new FileCheckpointStore(dir);
        writer.save("acme", CheckpointKey.daily(SyncStream.SALES_ORDERS), pending(1), LEASE);
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            Thread t = new Thread(() -> {
                while (!done.get()) {
                    try {
                        assertThat(reader.load("acme", CheckpointKey.daily(SyncStream.SALES_ORDERS))).isPresent();
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                        return;
                    }
                }
            });
            t.start();
            readers.add(t);
        }
        for (long id = 2; id < 300; id++) {
            writer.save("acme", CheckpointKey.daily(SyncStream.SALES_ORDERS), pending(id), LEASE);
        }
        done.set(true);
        for (Thread t : readers) {
            t.join();
        }
        assertThat(failure.get()).isNull();
        assertThat(reader.load("acme", CheckpointKey.daily(SyncStream.SALES_ORDERS)).orElseThrow().pending().get(0).lastId()).isEqualTo(299);
    }

    @Test
    void aLeftoverTemporaryFileFromACrashedWriteIsIgnored() throws Exception {
        FileCheckpointStore store = new FileCheckpointStore(dir);
        store.save("acme", CheckpointKey.daily(SyncStream.SALES_ORDERS), pending(42), LEASE);
        Files.writeString(dir.resolve("acme.checkpoints.json12345.tmp"), "{\"SALES_ORDERS\": {\"lastId\": 9");
        assertThat(store.load("acme", CheckpointKey.daily(SyncStream.SALES_ORDERS)).orElseThrow().pending().get(0).lastId()).isEqualTo(42);
        store.save("acme", CheckpointKey.daily(SyncStream.SALES_ORDERS), pending(43), LEASE);
        assertThat(new FileCheckpointStore(dir).load("acme", CheckpointKey.daily(SyncStream.SALES_ORDERS)).orElseThrow().pending().get(0).lastId()).isEqualTo(43);
    }

    @Test
    void readsTheCheckpointsOfEarlierVersions() throws Exception {
        FileCheckpointStore store = new FileCheckpointStore(dir);
        Files.writeString(store.fileOf("acme"), """
                {"SALES_ORDERS": {"pendingFrom": "2026-08-29T06:00:00Z", "pendingTo": "2026-11-27T06:00:00Z", "lastId": 750,
                                  "completedUpTo": "2026-11-26T06:00:00Z"},
                 "PURCHASE_ORDERS": {"pendingFrom": null, "pendingTo": null, "lastId": 0, "completedUpTo": "2026-11-27T06:00:00Z"}}
                """);
        assertThat(store.load("acme", CheckpointKey.daily(SyncStream.SALES_ORDERS))).contains(new Checkpoint(WINDOW, List.of(new Slice(WINDOW, 750))));
        assertThat(store.load("acme", CheckpointKey.daily(SyncStream.PURCHASE_ORDERS)).orElseThrow().coveredUpTo()).contains(WINDOW.to());
        assertThat(store.load("acme", CheckpointKey.daily(SyncStream.PURCHASE_ORDERS)).orElseThrow().isComplete()).isTrue();
    }

    /** A checkpoint reading {@link #WINDOW}, delivered up to {@code lastId}. */
    static Checkpoint pending(long lastId) {
        return new Checkpoint(WINDOW, List.of(new Slice(WINDOW, lastId)));
    }
}
