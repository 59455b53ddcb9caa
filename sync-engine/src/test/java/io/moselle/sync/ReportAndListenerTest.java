package io.moselle.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.moselle.cin7.client.RateLimits;
import io.moselle.cin7.simulator.DatasetSpec;
import io.moselle.cin7.simulator.FaultKind;
import io.moselle.cin7.simulator.SimulatedData;
import io.moselle.mapping.Reason;
import io.moselle.sync.spi.SyncListener;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the report and the listener say, checked against what happened. */
class ReportAndListenerTest {
    final EngineFixture f = new EngineFixture(DatasetSpec.small(EngineFixture.NOW));

    @AfterEach
    void close() {
        f.close();
    }

    /** ceil(n / 250) pages, plus one when n is a multiple of 250: the end is a short page. */
    static long listing(long records) {
        return records / 250 + 1;
    }

    /** Records of {@code resource} whose {@code modifiedDate} is in {@code window}, from the account's own data. */
    static long modifiedIn(SimulatedData data, String resource, Window window) {
        long n = 0;
        for (long id = 1; id <= data.count(resource); id++) {
            var record = data.get(resource, id);
            Instant modified = record == null ? null : Instant.parse(record.get("modifiedDate").asText());
            if (modified != null && !modified.isBefore(window.from()) && modified.isBefore(window.to())) {
                n++;
            }
        }
        return n;
    }

    @Test
    void aDailyRunMakesExactlyTheMinimumCountedFromTheAccountsOwnData() {
        f.engine.run(f.tenant);
        f.nextDay();
        f.sim.clearJournal();

        SyncReport daily = f.engine.run(f.tenant);

        SimulatedData data = f.sim.data();
        Window lookback = new Window(daily.startedAt().minus(Duration.ofDays(90)), daily.startedAt());
        long minimum = listing(data.count(SimulatedData.BRANCHES)) + listing(data.count(SimulatedData.PRODUCTS))
                + listing(data.count(SimulatedData.STOCK));
        for (String resource : List.of(SimulatedData.SALES_ORDERS, SimulatedData.PURCHASE_ORDERS, SimulatedData.BRANCH_TRANSFERS)) {
            minimum += listing(modifiedIn(data, resource, lookback));
        }
        assertThat(daily.status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(f.journal()).as("requests the simulator received").hasSize((int) minimum);
    }

    @Test
    void theListenerHearsEachStreamStartEachPageEachWaitEachRetryAndEachEnd() {
        List<String> heard = new CopyOnWriteArrayList<>();
        List<Duration> backoffs = new CopyOnWriteArrayList<>();
        SyncEngine engine = f.engine(b -> b.rateLimits(RateLimits.of(2, 600).withMargin(Duration.ZERO)).syncListener(new SyncListener() {
            @Override
            public void streamStarted(String tenantId, SyncStream stream, Optional<Window> window) {
                heard.add("started " + stream + window.map(w -> " " + w).orElse(""));
            }

            @Override
            public void pageFetched(String tenantId, SyncStream stream, int page, int records, long fetchedSoFar) {
                heard.add("page " + stream + " " + page + " " + records + " " + fetchedSoFar);
            }

            @Override
            public void throttled(String tenantId, SyncStream stream, Duration wait) {
                heard.add("throttled " + stream + " " + wait.toMillis());
            }

            @Override
            public void retried(String tenantId, SyncStream stream, String reason, Duration delay) {
                heard.add("retried " + stream + " " + reason);
                backoffs.add(delay);
            }

            @Override
            public void recentPartComplete(String tenantId, Duration elapsed) {
                heard.add("recent part complete");
            }

            @Override
            public void streamFinished(String tenantId, StreamReport report) {
                heard.add("finished " + report.stream() + " " + report.status());
            }
        }));
        f.sim.injectFaults(FaultKind.HTTP_503);

        SyncReport report = engine.run(f.tenant);

        Window recent = new Window(EngineFixture.NOW.minus(Duration.ofDays(90)), EngineFixture.NOW);
        Window older = new Window(EngineFixture.NOW.minus(Duration.ofDays(730)), EngineFixture.NOW.minus(Duration.ofDays(90)));
        assertThat(heard).startsWith("started BRANCHES", "retried BRANCHES HTTP 503", "page BRANCHES 1 3 3", "finished BRANCHES SUCCEEDED",
                "started PRODUCTS");
        assertThat(heard).containsSubsequence("finished PRODUCTS SUCCEEDED", "started STOCK", "page STOCK 1 76 76", "started SALES_ORDERS " + recent,
                "page SALES_ORDERS 1 250 250", "started PURCHASE_ORDERS " + recent, "started BRANCH_TRANSFERS " + recent,
                "finished STOCK SUCCEEDED", "recent part complete", "started SALES_ORDERS " + older, "page SALES_ORDERS 1 250 615",
                "finished SALES_ORDERS SUCCEEDED", "started PURCHASE_ORDERS " + older);
        assertThat(heard).filteredOn(h -> h.startsWith("page SALES_ORDERS")).last().asString().endsWith(" 1599");
        assertThat(heard).last().isEqualTo("finished BRANCH_TRANSFERS SUCCEEDED");
        assertThat(report.recentPartCompleteAfter()).isPresent();
        assertThat(heard).filteredOn(h -> h.startsWith("throttled")).isNotEmpty();
        long throttled = heard.stream().filter(h -> h.startsWith("throttled SALES_ORDERS")).mapToLong(h -> Long.parseLong(h.split(" ")[2])).sum();
        assertThat(report.stream(SyncStream.SALES_ORDERS).orElseThrow().throttled()).isEqualTo(Duration.ofMillis(throttled));
        Duration slept = f.clock.sleeps().stream().reduce(Duration.ZERO, Duration::plus);
        Duration backedOff = backoffs.stream().reduce(Duration.ZERO, Duration::plus);
        assertThat(report.streams().stream().map(StreamReport::throttled).reduce(Duration.ZERO, Duration::plus))
                .as("every wait on the fake clock but the backoff").isEqualTo(slept.minus(backedOff)).isPositive();
        assertThat(report.stream(SyncStream.BRANCHES).orElseThrow().retries()).isEqualTo(1);
    }

    @Test
    void theReportCountsDroppedLinesApartFromRecords() {
        StreamReport before;
        try (EngineFixture untouched = new EngineFixture(DatasetSpec.small(EngineFixture.NOW))) {
            before = untouched.engine.run(untouched.tenant).stream(SyncStream.PURCHASE_ORDERS).orElseThrow();
        }
        SimulatedData data = f.sim.data();
        long id = java.util.stream.LongStream.rangeClosed(1, data.count(SimulatedData.PURCHASE_ORDERS))
                .filter(i -> data.get(SimulatedData.PURCHASE_ORDERS, i).get("branchId").asLong() == 1).findFirst().orElseThrow();
        Instant modified = Instant.parse(data.get(SimulatedData.PURCHASE_ORDERS, id).get("modifiedDate").asText());
        data.modifyAt(SimulatedData.PURCHASE_ORDERS, id, modified, po -> {
            var lines = (com.fasterxml.jackson.databind.node.ArrayNode) po.get("lineItems");
            lines.addObject().put("id", 9_001).put("code", " ").put("qty", 3);
            lines.addObject().put("id", 9_002).put("code", "TEE-S").put("qty", 0);
        });

        StreamReport purchases = f.engine.run(f.tenant).stream(SyncStream.PURCHASE_ORDERS).orElseThrow();

        assertThat(purchases.count(Reason.LINE_MISSING_SKU)).isEqualTo(before.count(Reason.LINE_MISSING_SKU) + 1);
        assertThat(purchases.count(Reason.LINE_ZERO_QUANTITY)).isEqualTo(before.count(Reason.LINE_ZERO_QUANTITY) + 1);
        assertThat(purchases.droppedLines()).isEqualTo(before.droppedLines() + 2)
                .isEqualTo(purchases.count(Reason.LINE_MISSING_SKU) + purchases.count(Reason.LINE_ZERO_QUANTITY));
        assertThat(purchases.upserted() + purchases.retracted() + purchases.skipped()).as("dropped lines are not records")
                .isEqualTo(purchases.fetched());
    }

    @Test
    void theJsonReportGroupsReasonsByWhatHappenedAndAddsUp() throws Exception {
        SyncReport report = f.engine.run(f.tenant);

        var json = io.moselle.mapping.MoselleJson.mapper().readTree(report.toJson());
        assertThat(json.get("mode").asText()).isEqualTo("first");
        for (var stream : json.get("streams")) {
            StreamReport expected = report.stream(SyncStream.valueOf(stream.get("stream").asText())).orElseThrow();
            long skipped = 0;
            for (var reason : iterable(stream.at("/reasons/SKIPPED").fields())) {
                assertThat(Reason.valueOf(reason.getKey()).kind()).isIn(Reason.Kind.SKIPPED, Reason.Kind.RETRACTED);
                skipped += reason.getValue().get("count").asLong();
            }
            assertThat(skipped).as(expected.stream() + " skipped adds up").isEqualTo(stream.get("skipped").asLong())
                    .isEqualTo(expected.skipped());
            long dropped = 0;
            for (var reason : iterable(stream.at("/reasons/DROPPED_LINE").fields())) {
                dropped += reason.getValue().get("count").asLong();
            }
            assertThat(dropped).isEqualTo(stream.get("droppedLines").asLong());
            List<Long> counts = new java.util.ArrayList<>();
            stream.at("/reasons/RETRACTED").forEach(r -> counts.add(r.get("count").asLong()));
            assertThat(counts).as("most frequent first").isSortedAccordingTo(java.util.Comparator.reverseOrder());
        }
        assertThat(json.at("/streams/2/reasons/SKIPPED/WAREHOUSE_DISABLED/count").asLong())
                .as("stock rows of a disabled warehouse are skipped")
                .isEqualTo(report.stream(SyncStream.STOCK).orElseThrow().reasons(Reason.Kind.SKIPPED).get(Reason.WAREHOUSE_DISABLED));
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }
}
