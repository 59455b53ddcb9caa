package io.moselle.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.moselle.examples.FileSink;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The output folder through the CLI: damage found before any call, the way back, leftovers, and folders that are not ours. */
class OutputFolderTest extends CliFixture {

    /** The data files of a folder, by name. */
    static Map<String, String> dataFiles(Path folder) throws Exception {
        Map<String, String> files = new TreeMap<>();
        for (String name : FileSink.FILES) {
            files.put(name, Files.readString(folder.resolve(name)));
        }
        return files;
    }

    /** A journal line as the journal writes it: its CRC-32, a space, the JSON. */
    static String journalLine(String json) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.util.HexFormat.of().toHexDigits((int) crc.getValue()) + " " + json + "\n";
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"deleted", "truncated", "edited", "checkpoints from another folder", "manifest deleted"})
    void aDamagedFolderStopsBeforeAnyCallNamingTheFileAndTheWayBack(String damage) throws Exception {
        assertThat(cli(sync())).as(err()).isZero();
        Path orders = acme().resolve("sales-orders.jsonl");
        String expected;
        switch (damage) {
            case "deleted" -> {
                Files.delete(orders);
                expected = orders + " is missing";
            }
            case "truncated" -> {
                try (RandomAccessFile file = new RandomAccessFile(orders.toFile(), "rw")) {
                    file.setLength(file.length() / 2);
                }
                expected = orders + " is shorter than when it was written";
            }
            case "edited" -> {
                byte[] bytes = Files.readAllBytes(orders);
                bytes[bytes.length / 2] = bytes[bytes.length / 2] == '1' ? (byte) '2' : (byte) '1';
                Files.write(orders, bytes);
                expected = orders + " was changed after it was written";
            }
            case "checkpoints from another folder" -> {
                String theirs = Files.readString(acme().resolve("checkpoints.json")).replace("2024", "2025");
                Files.writeString(acme().resolve("checkpoints.json"), theirs);
                expected = acme().resolve("checkpoints.json") + " was changed after it was written";
            }
            default -> {
                Files.delete(acme().resolve("MANIFEST.json"));
                expected = acme().resolve("MANIFEST.json") + " is missing";
            }
        }
        sim.clearJournal();

        assertThat(cli(sync())).isEqualTo(Cli.USAGE);

        assertThat(err().lines()).singleElement().asString().isEqualTo("error: " + expected + ": the folder no longer matches its"
                + " checkpoints. Restore the file, or run again with --reset to re-read the whole history (the folder keeps its files"
                + " until that run completes)");
        assertThat(sim.journal()).as("found before any call").isEmpty();
    }

    @Test
    void resetReadsTheWholeHistoryAgainAndEndsAsAFreshFolder() throws Exception {
        assertThat(cli(sync())).isZero();
        Map<String, String> fresh = dataFiles(acme());
        Files.delete(acme().resolve("sales-orders.jsonl"));

        assertThat(cli(sync("--reset"))).as(err()).isZero();

        assertThat(dataFiles(acme())).isEqualTo(fresh);
        assertThat(json(acme().resolve("sync-report.json")).get("mode").asText()).isEqualTo("first");
    }

    @Test
    void aFolderOfAnEarlierVersionIsNotTouched() throws Exception {
        Files.createDirectories(acme().resolve("checkpoints"));
        Files.writeString(acme().resolve("sync-report.json"), "{}");

        assertThat(cli(sync())).isEqualTo(Cli.USAGE);

        assertThat(err().lines()).containsExactly("error: " + acme() + " was written by an earlier version of cin7-omni-sync, which could"
                + " tear it: move it away and run again (the first run re-reads the history)");
        assertThat(acme().resolve("sync-report.json")).hasContent("{}");
    }

    @Test
    void anEmptyFolderBecomesTheOutputFolder() throws Exception {
        Files.createDirectories(acme());
        assertThat(cli(sync())).as(err()).isZero();
        assertThat(acme()).isSymbolicLink();
        assertThat(acme().resolve("sales-orders.jsonl")).isRegularFile();
    }

    @Test
    void leftoversOfAKilledRunAreRemoved() throws Exception {
        assertThat(cli(sync())).isZero();
        Path state = dir.resolve(".acme.sync");
        Files.createDirectories(state.resolve("state-000007"));
        Files.writeString(state.resolve("state-000007/sales-orders.jsonl"), "half");
        Files.createSymbolicLink(dir.resolve(".acme.next"), Path.of(".acme.sync/state-000007"));
        Files.writeString(state.resolve("journal.jsonl"), journalLine("{\"journal\":1,\"tenant\":\"cli\",\"base\":\"state-000000\"}")
                + journalLine("{\"checkpoint\":\"SALES_ORDERS\",\"value\":{\"window\":null,\"pending\":[]}}"));

        assertThat(cli(sync())).as(err()).isZero();

        assertThat(out()).as("the journal of a state committed since is not replayed").doesNotContain("Continuing");
        assertThat(stateDirEntries()).containsExactlyInAnyOrder("state-000002", "journal.jsonl", "lock");
        assertThat(dir.resolve(".acme.next")).doesNotExist();
    }

    @Test
    void aFolderAnotherSyncIsWritingIsRefused() throws Exception {
        assertThat(cli(sync())).isZero();
        try (FileChannel lock = FileChannel.open(dir.resolve(".acme.sync/lock"), StandardOpenOption.WRITE)) {
            lock.lock();
            assertThat(cli(sync())).isEqualTo(Cli.USAGE);
            assertThat(err().lines()).containsExactly("error: another cin7-omni-sync is writing " + acme() + ": wait for it to end");
        }
        assertThat(cli(sync())).isZero();
    }

    @Test
    void aFolderOfAnotherTenantIsRefused() throws Exception {
        assertThat(cli(sync("--tenant", "acme"))).isZero();
        assertThat(cli(sync())).isEqualTo(Cli.USAGE);
        assertThat(err().lines()).containsExactly("error: " + acme() + " holds the data of tenant 'acme', not 'cli': pass --tenant acme,"
                + " or choose another --out");
        assertThat(cli(sync("--reset"))).as("not even to reset it").isEqualTo(Cli.USAGE);
    }

    @Test
    void aLinkRemovedByHandIsNotTakenForAFirstRun() throws Exception {
        assertThat(cli(sync())).isZero();
        Files.delete(acme());
        assertThat(cli(sync())).isEqualTo(Cli.USAGE);
        assertThat(err()).contains(acme() + " is missing, but " + dir.resolve(".acme.sync") + " holds the state of earlier runs");
        assertThat(cli(sync("--reset"))).as(err()).isZero();
        assertThat(acme()).isSymbolicLink();
    }

    @Test
    void aLinkToSomethingElseIsRefused() throws Exception {
        Files.createSymbolicLink(acme(), dir);
        assertThat(cli(sync())).isEqualTo(Cli.USAGE);
        assertThat(err().lines()).containsExactly("error: " + acme() + " is a link to " + dir + ", not an output folder of cin7-omni-sync:"
                + " choose another --out");
    }

    @Test
    void aTornJournalEndIsDroppedAndTheRunContinues() throws Exception {
        assertThat(cli(sync())).isZero();
        Map<String, String> expected = dataFiles(acme());
        Files.writeString(dir.resolve(".acme.sync/journal.jsonl"), "1234abcd {\"batch\":\"PRODU", StandardOpenOption.APPEND);
        assertThat(cli(sync())).as(err()).isZero();
        assertThat(dataFiles(acme())).isEqualTo(expected);
        assertThat(List.of(Files.readString(dir.resolve(".acme.sync/journal.jsonl")).split("\n"))).as("a new journal").hasSize(1);
    }
}
