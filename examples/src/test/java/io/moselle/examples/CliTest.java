package io.moselle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.moselle.cin7.simulator.Cin7OmniSimulator;
import io.moselle.cin7.simulator.DatasetSpec;
import io.moselle.mapping.MoselleJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI end to end against the simulator, in-process. */
class CliTest {
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

    String[] sync(String... extra) {
        List<String> args = new ArrayList<>(List.of("sync", "--base-url", sim.baseUri().toString(), "--out", dir.toString(),
                "--rate-limit", "1000,60000"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void twoRunsIntoOneDirectoryContinueFromTheFirst() throws Exception {
        assertThat(cli(sync("--now", NOW.toString()))).as(err()).isZero();
        for (String file : List.of("warehouses.jsonl", "products.jsonl", "sales-orders.jsonl", "replenishment-orders.jsonl",
                "inventory.jsonl", "projected-stock.jsonl", "sync-report.json")) {
            assertThat(dir.resolve(file)).exists();
        }
        assertThat(dir.resolve("checkpoints")).isDirectoryContaining(p -> p.toString().endsWith(".checkpoints.json"));
        List<String> firstOrders = Files.readAllLines(dir.resolve("sales-orders.jsonl"));
        List<Long> ids = firstOrders.stream().map(l -> read(l).get("externalId").asLong()).toList();
        assertThat(ids).isSortedAccordingTo(Long::compare).doesNotHaveDuplicates().isNotEmpty();
        assertThat(firstOrders.get(0)).startsWith("{\"externalId\":");

        sim.data().nextDay();
        Instant tomorrow = NOW.plus(Duration.ofDays(1));
        assertThat(cli(sync("--now", tomorrow.toString()))).as(err()).isZero();

        JsonNode report = MoselleJson.mapper().readTree(dir.resolve("sync-report.json").toFile());
        JsonNode sales = report.get("streams").get(3);
        assertThat(sales.get("stream").asText()).isEqualTo("SALES_ORDERS");
        assertThat(sales.get("windows").get(0).get("from").asText()).isEqualTo(tomorrow.minus(Duration.ofDays(90)).toString());
        assertThat(report.get("status").asText()).isEqualTo("SUCCEEDED");
        List<String> secondOrders = Files.readAllLines(dir.resolve("sales-orders.jsonl"));
        assertThat(secondOrders.size()).isGreaterThan(firstOrders.size());
        assertThat(Files.readAllLines(dir.resolve("inventory.jsonl")))
                .allSatisfy(l -> assertThat(read(l).get("asOf").asText()).isEqualTo(tomorrow.toString()));
        assertThat(out()).contains("sales orders").contains("Wrote");
    }

    @Test
    void badCredentialsGiveOneLineAndNoSecret() {
        int code = cli("sync", "--base-url", sim.baseUri().toString(), "--out", dir.toString(), "--username", "someone",
                "--api-key", "wrong-key-1234567");
        assertThat(code).isEqualTo(Cli.BAD_CREDENTIALS);
        assertThat(err()).startsWith("error: Cin7 refused the credentials").doesNotContain("wrong-key-1234567").doesNotContain("\tat ");
        assertThat(err().lines()).hasSize(1);
        assertThat(out()).doesNotContain("wrong-key-1234567");
    }

    @Test
    void aBadSettingsFileNamesTheKey() throws Exception {
        Path settings = dir.resolve("settings.json");
        Files.writeString(settings, "{\"lookbackDays\": {\"salesOrders\": -3}}");
        assertThat(cli(sync("--settings", settings.toString()))).isEqualTo(Cli.USAGE);
        assertThat(err()).startsWith("error: bad settings file: settings: lookbackDays.salesOrders must be zero or more days, was -3")
                .contains(settings.toString());
        Files.writeString(settings, "{\"warehouse\": {}}");
        assertThat(cli(sync("--settings", settings.toString()))).isEqualTo(Cli.USAGE);
        assertThat(err()).contains("settings: warehouse is not a known setting");
    }

    @Test
    void settingsAreApplied() throws Exception {
        Path settings = dir.resolve("settings.json");
        Files.writeString(settings, "{\"warehouses\": {\"1\": {\"key\": \"MAIN\", \"name\": \"Main warehouse\"}, \"2\": {\"key\": \"MAIN\"}}}");
        assertThat(cli(sync("--settings", settings.toString(), "--now", NOW.toString()))).as(err()).isZero();
        assertThat(Files.readAllLines(dir.resolve("warehouses.jsonl"))).first()
                .isEqualTo("{\"key\":\"3\",\"name\":\"Christchurch DC\",\"branchIds\":[3],\"enabled\":false}");
        assertThat(Files.readAllLines(dir.resolve("warehouses.jsonl"))).last()
                .isEqualTo("{\"key\":\"MAIN\",\"name\":\"Main warehouse\",\"branchIds\":[1,2],\"enabled\":true}");
    }

    @Test
    void anUnreachableHostGivesOneLine() {
        Cin7OmniSimulator gone = Cin7OmniSimulator.start(DatasetSpec.small(NOW));
        String url = gone.baseUri().toString();
        gone.close();
        assertThat(cli("check", "--base-url", url)).isEqualTo(Cli.UNREACHABLE);
        assertThat(err()).startsWith("error: cannot reach Cin7").doesNotContain(Cin7OmniSimulator.DEFAULT_API_KEY);
    }

    @Test
    void usageErrors() {
        assertThat(cli("sync", "--base-url", sim.baseUri().toString())).isEqualTo(Cli.USAGE);
        assertThat(err()).contains("--out is required");
        assertThat(cli("sync", "--out", dir.toString(), "--base-url", "http://example.com/api/")).isEqualTo(Cli.USAGE);
        assertThat(err()).contains("https");
        assertThat(cli("sync", "--frobnicate")).isEqualTo(Cli.USAGE);
        assertThat(cli("sync", "--out", dir.toString(), "--rate-limit", "fast")).isEqualTo(Cli.USAGE);
        assertThat(cli("sync", "--out", dir.toString(), "--now", "yesterday")).isEqualTo(Cli.USAGE);
    }

    @Test
    void helpListsEveryOption() {
        assertThat(cli("--help")).isZero();
        for (String option : List.of("--base-url", "--username", "--api-key", "--settings", "--out", "--now", "--resync-from",
                "--rate-limit", "--verbose", "demo", "sync", "check", "CIN7_USERNAME", "CIN7_API_KEY")) {
            assertThat(out()).contains(option);
        }
    }

    @Test
    void checkListsPermissionsAndBranches() {
        sim.forbid("Stock");
        assertThat(cli("check", "--base-url", sim.baseUri().toString())).isEqualTo(Cli.FAILED);
        assertThat(out()).contains("Credentials: accepted").contains("v1/Stock").contains("FORBIDDEN").contains("Auckland Warehouse");
    }

    @Test
    void aResyncReadsFromTheGivenDate() throws Exception {
        assertThat(cli(sync("--now", NOW.toString()))).isZero();
        assertThat(cli(sync("--now", NOW.toString(), "--resync-from", "2026-06-01"))).as(err()).isZero();
        JsonNode report = MoselleJson.mapper().readTree(dir.resolve("sync-report.json").toFile());
        assertThat(report.get("mode").asText()).isEqualTo("resync");
        assertThat(report.get("streams").get(3).get("windows").get(0).get("from").asText()).isEqualTo("2026-06-01T00:00:00Z");
    }

    @Test
    void theDemoRunsEndToEnd() {
        assertThat(cli("demo", "--out", dir.toString())).as(err()).isZero();
        assertThat(out()).contains("First sync").contains("The next day").contains("Projected stock").contains("inbound PO");
        assertThat(dir.resolve("projected-stock.jsonl")).exists();
    }

    @Test
    void aFleetOfWorkersSyncsEveryTenantOnceAndSurvivesAWorkerKilled() {
        assertThat(cli("fleet", "--workers", "2", "--tenants", "6", "--kill-one")).as(err()).isZero();
        assertThat(out()).contains("Fleet: 2 workers, 6 tenants, PostgreSQL embedded")
                .contains("killed worker-1").contains("6 of 6 tenants synced");
        String summary = out().lines().filter(l -> l.startsWith("Every tenant synced once")).findFirst().orElseThrow();
        assertThat(summary).as("each tenant by one worker").doesNotContain(",worker");
        int synced = java.util.regex.Pattern.compile("worker-\\d=(\\d+)").matcher(summary).results()
                .mapToInt(m -> Integer.parseInt(m.group(1))).sum();
        assertThat(synced).isEqualTo(6);
    }

    private static JsonNode read(String line) {
        try {
            return MoselleJson.mapper().readTree(line);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

}
