package io.moselle.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.moselle.cin7.simulator.Cin7OmniSimulator;
import io.moselle.cin7.simulator.DatasetSpec;
import io.moselle.cin7.simulator.FaultKind;
import io.moselle.cin7.simulator.SimulatedData;
import io.moselle.cin7.simulator.SimulatorOptions;
import io.moselle.examples.FileSink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The CLI end to end against the simulator, in-process: its files, its messages and its exit codes. */
class CliTest extends CliFixture {
    @Test
    void twoRunsIntoOneFolderContinueFromTheFirst() throws Exception {
        assertThat(cli(sync())).as(err()).isZero();
        assertThat(acme()).as("a link to the complete state").isSymbolicLink();
        for (String file : List.of("warehouses.jsonl", "products.jsonl", "sales-orders.jsonl", "replenishment-orders.jsonl",
                "inventory.jsonl", "projected-stock.jsonl", "sync-report.json", "checkpoints.json", "MANIFEST.json")) {
            assertThat(acme().resolve(file)).isRegularFile();
        }
        List<String> firstOrders = Files.readAllLines(acme().resolve("sales-orders.jsonl"));
        assertThat(firstOrders.stream().map(l -> read(l).get("externalId").asLong()).toList())
                .isSortedAccordingTo(Long::compare).doesNotHaveDuplicates().isNotEmpty();
        assertThat(firstOrders.get(0)).startsWith("{\"externalId\":");
        assertThat(json(acme().resolve("sync-report.json")).get("mode").asText()).isEqualTo("first");
        assertThat(out()).contains("First sync of cli").contains("Wrote " + acme());

        sim.data().nextDay();
        Instant tomorrow = NOW.plus(Duration.ofDays(1));
        assertThat(cli(sync("--now", tomorrow.toString()))).as(err()).isZero();

        JsonNode report = json(acme().resolve("sync-report.json"));
        JsonNode sales = report.get("streams").get(3);
        assertThat(sales.get("stream").asText()).isEqualTo("SALES_ORDERS");
        assertThat(sales.get("windows").get(0).get("from").asText()).isEqualTo(tomorrow.minus(Duration.ofDays(90)).toString());
        assertThat(report.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(report.get("mode").asText()).isEqualTo("daily");
        assertThat(Files.readAllLines(acme().resolve("sales-orders.jsonl")).size()).isGreaterThan(firstOrders.size());
        assertThat(Files.readAllLines(acme().resolve("inventory.jsonl")))
                .allSatisfy(l -> assertThat(read(l).get("asOf").asText()).isEqualTo(tomorrow.toString()));
        assertThat(stateDirEntries()).as("the older state is gone").containsExactlyInAnyOrder("state-000002", "journal.jsonl", "lock");
    }

    @Test
    void aDailyRunMakesExactlyTheMinimumCallsCountedFromTheAccountsData() throws Exception {
        assertThat(cli(sync())).as(err()).isZero();
        sim.data().nextDay();
        sim.clearJournal();
        Instant tomorrow = NOW.plus(Duration.ofDays(1));

        assertThat(cli(sync("--now", tomorrow.toString()))).as(err()).isZero();

        SimulatedData data = sim.data();
        long minimum = listing(data.count(SimulatedData.BRANCHES)) + listing(data.count(SimulatedData.PRODUCTS))
                + listing(data.count(SimulatedData.STOCK));
        for (String resource : List.of(SimulatedData.SALES_ORDERS, SimulatedData.PURCHASE_ORDERS, SimulatedData.BRANCH_TRANSFERS)) {
            minimum += listing(modifiedBetween(data, resource, tomorrow.minus(Duration.ofDays(90)), tomorrow));
        }
        assertThat(sim.journal()).as("no call outside the engine's").hasSize((int) minimum)
                .filteredOn(e -> e.resource().equals("v1/Branches")).hasSize(1);
        assertThat(json(acme().resolve("sync-report.json")).get("apiCalls").asLong()).isEqualTo(minimum);
    }

    /** Pages of a listing of {@code n} records: a short (maybe empty) page ends it. */
    static long listing(long n) {
        return n / 250 + 1;
    }

    static long modifiedBetween(SimulatedData data, String resource, Instant from, Instant to) {
        long n = 0;
        for (long id = 1; id <= data.count(resource); id++) {
            var record = data.get(resource, id);
            Instant modified = record == null ? null : Instant.parse(record.get("modifiedDate").asText());
            if (modified != null && !modified.isBefore(from) && modified.isBefore(to)) {
                n++;
            }
        }
        return n;
    }

    @Test
    void badCredentialsExit3WithOneLineNoSecretAndNoFolder() {
        int code = cli("sync", "--base-url", sim.baseUri().toString(), "--out", acme().toString(), "--username", "someone",
                "--api-key", "wrong-key-1234567");
        assertThat(code).isEqualTo(Cli.BAD_CREDENTIALS);
        assertThat(err().lines()).containsExactly("error: " + Cli.BAD_CREDENTIALS_MESSAGE);
        assertThat(out() + err()).doesNotContain("wrong-key-1234567");
        assertThat(dir).as("nothing delivered, nothing left behind").isEmptyDirectory();
    }

    @Test
    void anUnreachableCin7Exits4NamingTheCause() {
        Cin7OmniSimulator gone = Cin7OmniSimulator.start(DatasetSpec.small(NOW));
        String url = gone.baseUri().toString();
        gone.close();
        assertThat(cli("check", "--base-url", url)).isEqualTo(Cli.UNREACHABLE);
        assertThat(err().lines()).singleElement().asString().startsWith("error: cannot reach Cin7: GET v1/Branches")
                .contains(": connection refused by 127.0.0.1:" + java.net.URI.create(url).getPort());
        assertThat(cli("sync", "--base-url", url, "--out", acme().toString())).isEqualTo(Cli.UNREACHABLE);
        assertThat(err().lines()).singleElement().asString().startsWith("error: cannot reach Cin7: GET v1/Branches")
                .contains(": connection refused by 127.0.0.1:" + java.net.URI.create(url).getPort());

        assertThat(cli("check", "--base-url", "https://no-such-host.invalid/api/")).isEqualTo(Cli.UNREACHABLE);
        assertThat(err().lines()).singleElement().asString().contains("unknown host no-such-host.invalid");
    }

    @Test
    void aStreamThatFailsExits1NamingIt() throws Exception {
        sim.forbid("PurchaseOrders");
        assertThat(cli(sync())).isEqualTo(Cli.FAILED);
        assertThat(err().lines()).singleElement().asString().startsWith("error: sync PARTIAL: ").contains("403")
                .contains(acme().resolve("sync-report.json").toString());
        assertThat(json(acme().resolve("sync-report.json")).get("status").asText()).as("what succeeded is kept").isEqualTo("PARTIAL");
    }

    @Test
    void aDaySpentByOtherAppsExits5SayingWhenToTryAgain() {
        try (Cin7OmniSimulator limited = Cin7OmniSimulator.start(DatasetSpec.small(NOW),
                SimulatorOptions.unlimited().withRateLimits(0, 0, 5_000))) {
            limited.spendDailyCallsAsOtherApps(Cin7OmniSimulator.DEFAULT_USERNAME, 5_000 - 4);
            assertThat(cli(sync(limited))).as(err()).isEqualTo(Cli.PAUSED);
            Instant midnight = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(Duration.ofDays(1));
            String line = err().lines().collect(java.util.stream.Collectors.joining("\n"));
            assertThat(line).as("one line").doesNotContain("\n").startsWith("error: paused: Cin7 refused calls").contains("HTTP 429")
                    .matches(".*; run again after \\S+ to continue");
            Instant after = Instant.parse(line.replaceAll(".*; run again after (\\S+) to continue", "$1"));
            assertThat(Duration.between(midnight, after).abs()).as("Cin7's Retry-After: midnight UTC").isLessThanOrEqualTo(Duration.ofSeconds(2));
        }
    }

    @Test
    void verboseAddsTheStackTrace() {
        assertThat(cli("check", "--base-url", "https://no-such-host.invalid/api/")).isEqualTo(Cli.UNREACHABLE);
        assertThat(err()).doesNotContain("\tat ");
        assertThat(cli("sync", "--base-url", sim.baseUri().toString(), "--out", dir.resolve("x").toString(),
                "--resync-from", "2030-01-01", "--verbose")).isEqualTo(Cli.USAGE);
        assertThat(err()).startsWith("error: --resync-from 2030-01-01T00:00:00Z is not before the run's now").contains("\tat ");
    }

    @Test
    void theApiKeyAppearsNowhereAfterARunFullOfFaults() throws Exception {
        sim.injectFaults(FaultKind.HTTP_500, FaultKind.TRUNCATED_BODY, FaultKind.DROPPED_CONNECTION, FaultKind.HTTP_503);
        assertThat(cli(sync())).as(err()).isZero();
        assertThat(sim.journal()).filteredOn(e -> e.fault() != null).hasSize(4);

        String key = Cin7OmniSimulator.DEFAULT_API_KEY;
        String basic = Base64.getEncoder().encodeToString((Cin7OmniSimulator.DEFAULT_USERNAME + ":" + key).getBytes(StandardCharsets.UTF_8));
        List<Path> files;
        try (Stream<Path> tree = Files.walk(dir)) {
            files = tree.filter(Files::isRegularFile).toList();
        }
        assertThat(files).as("the data, the report, the checkpoints, the manifest, the journal").hasSizeGreaterThanOrEqualTo(10);
        for (Path file : files) {
            assertThat(Files.readString(file)).as(file.toString()).doesNotContain(key).doesNotContain(basic);
        }
        assertThat(out() + err()).doesNotContain(key).doesNotContain(basic);
    }

    @Test
    void outputFilesGetTheUmasksPermissions() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path ordinary = Files.createFile(dir.resolve("ordinary"));
        assertThat(cli(sync())).as(err()).isZero();
        for (String file : List.of("sales-orders.jsonl", "sync-report.json", "checkpoints.json", "MANIFEST.json")) {
            assertThat(Files.getPosixFilePermissions(acme().resolve(file))).as(file).isEqualTo(Files.getPosixFilePermissions(ordinary));
        }
    }

    @Test
    void theReportAddsUpAndSaysWhatHappenedToEachRecord() {
        assertThat(cli(sync())).as(err()).isZero();
        String stock = out().lines().dropWhile(l -> !l.trim().startsWith("stock ")).limit(6).reduce("", (a, b) -> a + b + "\n");
        String row = stock.lines().findFirst().orElseThrow();
        long skipped = Long.parseLong(row.trim().split("\\s+")[6].replace(",", ""));
        String skippedLine = stock.lines().filter(l -> l.trim().startsWith("skipped: ")).findFirst().orElseThrow();
        long sum = java.util.regex.Pattern.compile("[A-Z_]+ ([0-9,]+) \\(e\\.g\\.").matcher(skippedLine).results()
                .mapToLong(m -> Long.parseLong(m.group(1).replace(",", ""))).sum();
        assertThat(sum).as(stock).isEqualTo(skipped).isPositive();
        assertThat(stock).contains("noted: ").contains("UNKNOWN_SKU");
        List<String> sales = out().lines().dropWhile(l -> !l.trim().startsWith("sales orders ")).limit(3).toList();
        assertThat(sales.get(1).trim()).startsWith("retracted: ").contains("VOIDED").doesNotContain("LINE_");
        assertThat(sales.get(2).trim()).startsWith("lines dropped (records kept): ").contains("LINE_ZERO_QUANTITY");
        List<Long> counts = java.util.regex.Pattern.compile(" ([0-9,]+) \\(e\\.g\\.").matcher(sales.get(1)).results()
                .map(m -> Long.parseLong(m.group(1).replace(",", ""))).toList();
        assertThat(counts).as("most frequent first").isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void aBadSettingsFileExits2NamingTheKeyOrTheLineAndColumn() throws Exception {
        Path settings = dir.resolve("settings.json");
        Files.writeString(settings, "{\"lookbackDays\": {\"salesOrders\": -3}}");
        assertThat(cli(sync("--settings", settings.toString()))).isEqualTo(Cli.USAGE);
        assertThat(err()).startsWith("error: bad settings file: settings: lookbackDays.salesOrders must be zero or more days, was -3")
                .contains(settings.toString());
        Files.writeString(settings, "{\"warehouse\": {}}");
        assertThat(cli(sync("--settings", settings.toString()))).isEqualTo(Cli.USAGE);
        assertThat(err()).contains("settings: warehouse is not a known setting");
        Files.writeString(settings, "{\n  \"channels\": {\"POS\": \"Retail\",}\n}");
        assertThat(cli(sync("--settings", settings.toString()))).isEqualTo(Cli.USAGE);
        assertThat(err().lines()).singleElement().asString().contains("is not valid JSON at line 2, column 32").contains(settings.toString());
        Files.writeString(settings, "  \n");
        assertThat(cli(sync("--settings", settings.toString()))).isEqualTo(Cli.USAGE);
        assertThat(err().lines()).containsExactly("error: settings file " + settings + " is empty: write {} for the defaults (see --help)");
        assertThat(cli(sync("--settings", dir.toString()))).isEqualTo(Cli.USAGE);
        assertThat(err().lines()).containsExactly("error: settings file " + dir + " is a folder, not a file (see --help)");
        assertThat(cli(sync("--settings", dir.resolve("none.json").toString()))).isEqualTo(Cli.USAGE);
        assertThat(err()).contains("does not exist");
        assertThat(sim.journal()).as("nothing was sent").isEmpty();
    }

    @Test
    void settingsAreApplied() throws Exception {
        Path settings = dir.resolve("settings.json");
        Files.writeString(settings, "{\"warehouses\": {\"1\": {\"key\": \"MAIN\", \"name\": \"Main warehouse\"}, \"2\": {\"key\": \"MAIN\"}}}");
        assertThat(cli(sync("--settings", settings.toString()))).as(err()).isZero();
        assertThat(Files.readAllLines(acme().resolve("warehouses.jsonl"))).first()
                .isEqualTo("{\"key\":\"3\",\"name\":\"Christchurch DC\",\"branchIds\":[3],\"enabled\":false}");
        assertThat(Files.readAllLines(acme().resolve("warehouses.jsonl"))).last()
                .isEqualTo("{\"key\":\"MAIN\",\"name\":\"Main warehouse\",\"branchIds\":[1,2],\"enabled\":true}");
    }

    @Test
    void everyInputIsCheckedBeforeAnyCall() throws Exception {
        assertThat(cli("sync", "--base-url", sim.baseUri().toString())).isEqualTo(Cli.USAGE);
        assertThat(err()).contains("--out is required");
        assertThat(cli("sync", "--out", acme().toString(), "--base-url", "http://example.com/api/")).isEqualTo(Cli.USAGE);
        assertThat(err()).contains("https");
        assertThat(cli("sync", "--frobnicate")).isEqualTo(Cli.USAGE);
        assertThat(err().lines()).containsExactly("error: unknown option --frobnicate (see --help)");
        assertThat(cli("check", "--now", "garbage", "--out", acme().toString())).isEqualTo(Cli.USAGE);
        assertThat(err().lines()).containsExactly("error: check does not take --now (an option of sync) (see --help)");
        assertThat(cli("sync", "--out", acme().toString(), "--rate-limit", "fast")).isEqualTo(Cli.USAGE);
        assertThat(cli("sync", "--out", acme().toString(), "--rate-limit", "0,60")).isEqualTo(Cli.USAGE);
        assertThat(cli("sync", "--out", acme().toString(), "--now", "yesterday")).isEqualTo(Cli.USAGE);
        assertThat(cli(sync("--now", Instant.now().plus(Duration.ofDays(3)).toString()))).isEqualTo(Cli.USAGE);
        assertThat(err()).contains("is more than a day ahead of this machine's clock");
        assertThat(cli("frobnicate")).isEqualTo(Cli.USAGE);
        assertThat(err()).contains("unknown command 'frobnicate'");
        assertThat(cli()).isEqualTo(Cli.USAGE);

        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertThat(cli("sync", "--base-url", sim.baseUri().toString(), "--out", file.toString())).isEqualTo(Cli.USAGE);
        assertThat(err().lines()).containsExactly("error: " + file + " is a file, not a folder: choose another --out");
        Path busy = Files.createDirectories(dir.resolve("busy"));
        Files.writeString(busy.resolve("notes.txt"), "mine");
        assertThat(cli("sync", "--base-url", sim.baseUri().toString(), "--out", busy.toString())).isEqualTo(Cli.USAGE);
        assertThat(err()).contains(busy + " is a folder with other files in it");
        assertThat(cli("sync", "--base-url", sim.baseUri().toString(), "--out", file.resolve("out").toString())).isEqualTo(Cli.USAGE);
        assertThat(err().lines()).singleElement().asString().startsWith("error: cannot create ").contains("not a directory");
        assertThat(sim.journal()).as("nothing was sent").isEmpty();
        assertThat(Files.readString(busy.resolve("notes.txt"))).isEqualTo("mine");
    }

    @Test
    void aReadOnlyOutputFolderIsFoundBeforeAnyCall() throws Exception {
        Path parent = Files.createDirectories(dir.resolve("read-only"));
        parent.toFile().setWritable(false, false);
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(parent), "permissions are not enforced for this user (root)");
            assertThat(cli("sync", "--base-url", sim.baseUri().toString(), "--out", parent.resolve("acme").toString())).isEqualTo(Cli.USAGE);
            assertThat(err().lines()).containsExactly("error: cannot write " + parent + ": permission denied");
            assertThat(sim.journal()).isEmpty();
        } finally {
            parent.toFile().setWritable(true, false);
        }
    }

    @Test
    void eachCommandHasItsOwnHelpListingEveryOptionItsFilesAndExitCodes() throws Exception {
        String readme = Files.readString(Path.of("..", "..", "docs", "command-line.md"));
        for (Command command : Command.values()) {
            assertThat(cli(command.name, "--help")).isZero();
            String help = out();
            assertThat(help).startsWith("Usage: java -jar cin7-omni-sync.jar " + command.name + " [options]")
                    .contains("Writes:").contains("Exit codes:");
            for (Command.Option option : command.options) {
                assertThat(help).as(command.name).contains("--" + option.name());
                assertThat(readme).as("docs/command-line.md documents --" + option.name()).contains("--" + option.name());
            }
        }
        assertThat(cli("sync", "--help")).isZero();
        assertThat(out()).contains("sales-orders.jsonl").contains("MANIFEST.json").contains("CIN7_API_KEY")
                .contains("  5  paused").contains("130  interrupted").doesNotContain("--workers");
        assertThat(cli("check", "--help")).isZero();
        assertThat(out()).doesNotContain("--out").doesNotContain("--now");
        assertThat(cli("--help")).isZero();
        assertThat(out()).contains("demo").contains("sync").contains("check").contains("<command> --help");
    }

    @Test
    void checkListsPermissionsAndBranches() {
        sim.forbid("Stock");
        assertThat(cli("check", "--base-url", sim.baseUri().toString())).isEqualTo(Cli.FAILED);
        assertThat(out()).contains("Credentials: accepted").contains("v1/Stock").contains("FORBIDDEN").contains("Auckland Warehouse");
    }

    @Test
    void aResyncReadsFromTheGivenDate() throws Exception {
        assertThat(cli(sync())).isZero();
        assertThat(cli(sync("--resync-from", "2026-06-01"))).as(err()).isZero();
        JsonNode report = json(acme().resolve("sync-report.json"));
        assertThat(report.get("mode").asText()).isEqualTo("resync");
        assertThat(report.get("streams").get(3).get("windows").get(0).get("from").asText()).isEqualTo("2026-06-01T00:00:00Z");
        assertThat(out()).contains("Re-sync of cli");
    }

    @Test
    void theDemoPrintsEachFigureOnceAndLeavesNothingBehind() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> before = list(tmp);
        assertThat(cli("demo")).as(err()).isZero();
        assertThat(out()).contains("First sync of demo").contains("The next day").contains("Daily sync of demo")
                .contains("Projected stock").contains("inbound PO").contains("Pass --out DIR");
        assertThat(out().lines().filter(l -> l.matches("\\s+sales orders\\s+SUCCEEDED.*"))).as("one row per report").hasSize(2);
        assertThat(list(tmp)).as("no temporary folder left").containsExactlyInAnyOrderElementsOf(before);

        assertThat(cli("demo", "--out", acme().toString())).as(err()).isZero();
        assertThat(acme().resolve(FileSink.PROJECTED_STOCK)).isRegularFile();
        assertThat(json(acme().resolve("sync-report.json")).get("mode").asText()).isEqualTo("daily");
    }
}
