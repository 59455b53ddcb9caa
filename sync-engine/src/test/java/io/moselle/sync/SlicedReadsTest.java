package io.moselle.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.moselle.cin7.client.CallBudget;
import io.moselle.cin7.simulator.DatasetSpec;
import io.moselle.cin7.simulator.JournalEntry;
import io.moselle.cin7.simulator.SimulatedData;
import io.moselle.sync.spi.Checkpoint;
import io.moselle.sync.spi.CheckpointKey;
import io.moselle.sync.spi.Slice;
import io.moselle.sync.spi.SyncListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A long window read as slices side by side, newest first: the same deliveries as one piece, every slice resumed. */
class SlicedReadsTest {
    static final Instant RECENT = EngineFixture.NOW.minus(Duration.ofDays(90));

    final EngineFixture f = new EngineFixture(DatasetSpec.demo(EngineFixture.NOW));

    @AfterEach
    void close() {
        f.close();
    }

    /** Every upsert and retraction a run delivered, as "TYPE key" lines; each record once, so duplicates show. */
    static List<String> deliveries(RecordingSink sink) {
        List<String> lines = new ArrayList<>();
        for (SyncBatch<?, ?> batch : sink.batches) {
            addDeliveries(batch, lines);
        }
        return lines;
    }

    private static <R, K> void addDeliveries(SyncBatch<R, K> batch, List<String> lines) {
        batch.upserts().forEach(r -> lines.add(batch.type() + " upsert " + batch.type().keyOf(r)));
        batch.retractions().forEach(r -> lines.add(batch.type() + " retract " + r.key() + " " + r.reason()));
    }

    @Test
    void slicesReadSideBySideDeliverWhatTheWindowReadInOnePieceDoesEachRecordOnce() {
        SyncReport sliced = f.engine(b -> b.parallelism(8)).run(f.tenant);
        List<String> slicedDeliveries = deliveries(f.sink);

        assertThat(sliced.status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(f.journal()).filteredOn(e -> e.resource().equals("v1/SalesOrders")).extracting(e -> e.param("where"))
                .as("the history was cut into parts by id").anyMatch(w -> w.startsWith("modifiedDate>='2024-11-27") && w.contains("id<="));
        assertThat(f.sink.state("acme")).isEqualTo(f.expected(f.tenant));
        try (EngineFixture onePiece = new EngineFixture(DatasetSpec.demo(EngineFixture.NOW))) {
            onePiece.engine.run(onePiece.tenant);
            List<String> whole = deliveries(onePiece.sink);
            assertThat(slicedDeliveries).filteredOn(d -> !d.startsWith("INVENTORY") && !d.startsWith("PRODUCT") && !d.startsWith("WAREHOUSE"))
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(whole.stream()
                            .filter(d -> !d.startsWith("INVENTORY") && !d.startsWith("PRODUCT") && !d.startsWith("WAREHOUSE")).toList());
            assertThat(f.sink.state("acme")).isEqualTo(onePiece.sink.state("acme"));
        }
    }

    @Test
    void aParallelFirstRunAsksForNoPageWhoseAnswerWasPredictable() {
        try (EngineFixture medium = new EngineFixture(DatasetSpec.medium(EngineFixture.NOW))) {
            CyclicBarrier twoStockPagesAtOnce = new CyclicBarrier(2);
            AtomicBoolean stockSideBySide = new AtomicBoolean();
            medium.sim.beforeEachRequest((number, resource, query, data) -> {
                if (resource.equals("v1/Stock") && Integer.parseInt(query.get("page")) >= 10 && !stockSideBySide.get()
                        && !twoStockPagesAtOnce.isBroken()) {
                    try {
                        twoStockPagesAtOnce.await(10, TimeUnit.SECONDS); // met only by two stock requests in flight at once
                        stockSideBySide.set(true);
                    } catch (Exception e) {
                        // not met: the assertion below says so
                    }
                }
            });
            SyncReport report = medium.engine(b -> b.parallelism(8)).run(medium.tenant);
            assertThat(report.status()).isEqualTo(SyncStatus.SUCCEEDED);
            List<JournalEntry> journal = medium.journal();

            List<String> stockPages = journal.stream().filter(e -> e.resource().equals("v1/Stock")).map(e -> e.param("page")).toList();
            assertThat(stockPages).as("each stock page once, none past the end").doesNotHaveDuplicates()
                    .hasSize((int) ReportAndListenerTest.listing(medium.sim.data().count(SimulatedData.STOCK)));
            assertThat(stockSideBySide).as("stock pages read side by side once the products tell how many").isTrue();

            Set<String> cuts = new HashSet<>();
            journal.stream().map(e -> e.param("where")).filter(w -> w != null && w.contains("id<="))
                    .forEach(w -> cuts.add(w.replaceAll(".* AND id<=(\\d+) AND id>\\d+$", "$1")));
            Map<String, JournalEntry> firstOfEachPart = new LinkedHashMap<>();
            journal.stream().filter(e -> e.param("where") != null && e.param("where").startsWith("modifiedDate"))
                    .filter(e -> cuts.contains(e.param("where").replaceAll(".* AND id>(\\d+)$", "$1")))
                    .forEach(e -> firstOfEachPart.putIfAbsent(e.resource() + " " + e.param("where"), e));
            assertThat(firstOfEachPart.values()).as("parts cut off history slices").hasSizeGreaterThan(2)
                    .allSatisfy(e -> assertThat(e.rows()).as("first answer to " + e.param("where")).isPositive());
            assertThat(journal).as("a call at most over the minimum for each windowed stream: its recent part's own last page")
                    .hasSizeLessThanOrEqualTo((int) EngineFixture.firstRunMinimum(medium.sim.data(), medium.tenant, EngineFixture.NOW) + 3);
            assertThat(medium.sink.state("acme")).isEqualTo(medium.expected(medium.tenant));
        }
    }

    @Test
    void aSlicedRunAbandonedMidwayResumesEverySliceWhereItStopped() {
        SyncReport paused = f.engine(b -> b.parallelism(4).callBudgets(c -> CallBudget.perUtcDay(30))).run(f.tenant);
        assertThat(paused.status()).isEqualTo(SyncStatus.PAUSED);
        Checkpoint kept = f.checkpoints.load("acme", CheckpointKey.daily(SyncStream.SALES_ORDERS)).orElseThrow();
        List<Slice> started = kept.pending().stream().filter(s -> s.lastId() > 0).toList();
        assertThat(kept.pending()).as("several slices pending").hasSizeGreaterThan(1);
        assertThat(started).as("slices paused part-way").isNotEmpty();
        f.sim.clearJournal();

        SyncReport resumed = f.engine(b -> b.parallelism(4)).run(f.tenant);

        assertThat(resumed.status()).isEqualTo(SyncStatus.SUCCEEDED);
        List<String> where = f.journal().stream().filter(e -> e.resource().equals("v1/SalesOrders")).map(e -> e.param("where")).toList();
        for (Slice slice : kept.pending()) {
            assertThat(where).as("slice " + slice + " resumed after its last id")
                    .contains("modifiedDate>='" + slice.window().from() + "' AND modifiedDate<'" + slice.window().to() + "'"
                            + (slice.isBounded() ? " AND id<=" + slice.highestId() : "") + " AND id>" + slice.lastId());
        }
        assertThat(f.sink.state("acme")).isEqualTo(f.expected(f.tenant));
    }

    @Test
    void theRecentPartIsInBeforeAnyOlderHistoryAndTheReportSaysWhen() {
        List<String> events = new CopyOnWriteArrayList<>();
        SyncEngine engine = f.engine(b -> b.parallelism(4).syncListener(new SyncListener() {
            @Override
            public void streamStarted(String tenantId, SyncStream stream, Optional<Window> window) {
                events.add(window.filter(w -> w.from().isBefore(RECENT)).isPresent() ? "older " + stream : "recent " + stream);
            }

            @Override
            public void recentPartComplete(String tenantId, Duration elapsed) {
                events.add("recent part complete with " + f.sink.batches.size() + " batches, " + f.sink.snapshots.size() + " snapshots");
            }
        }));

        SyncReport report = engine.run(f.tenant);

        int complete = events.indexOf(events.stream().filter(e -> e.startsWith("recent part complete")).findFirst().orElseThrow());
        assertThat(events.subList(0, complete)).as("before").noneMatch(e -> e.startsWith("older"))
                .contains("recent PRODUCTS", "recent STOCK", "recent SALES_ORDERS", "recent PURCHASE_ORDERS", "recent BRANCH_TRANSFERS");
        assertThat(events.subList(complete, events.size())).as("after").anyMatch(e -> e.startsWith("older SALES_ORDERS"));
        String[] counts = events.get(complete).replaceAll("[^0-9 ]", "").trim().split(" +");
        Set<String> deliveredThen = new HashSet<>();
        f.sink.batches.subList(0, Integer.parseInt(counts[0])).forEach(b -> deliveredThen.add(b.type().name()));
        assertThat(deliveredThen).as("products and inventory were in").contains("PRODUCT", "INVENTORY_LEVEL");
        assertThat(f.sink.snapshots.subList(0, Integer.parseInt(counts[1])).stream().map(sn -> sn.type().name()))
                .as("both snapshots complete").contains("PRODUCT", "INVENTORY_LEVEL");
        assertThat(report.recentPartCompleteAfter()).hasValueSatisfying(d -> assertThat(d).isLessThanOrEqualTo(report.duration()));
        assertThat(report.toJson()).contains("\"recentPartCompleteMillis\" : " + report.recentPartCompleteAfter().orElseThrow().toMillis());
    }

    @Test
    void aStreamThatFailsInTheRecentPartMeansTheRecentPartIsNotReportedComplete() {
        f.sim.forbid("PurchaseOrders");
        List<String> events = new CopyOnWriteArrayList<>();
        SyncReport report = f.engine(b -> b.syncListener(new SyncListener() {
            @Override
            public void recentPartComplete(String tenantId, Duration elapsed) {
                events.add("complete");
            }
        })).run(f.tenant);
        assertThat(report.status()).isEqualTo(SyncStatus.PARTIAL);
        assertThat(report.recentPartCompleteAfter()).isEmpty();
        assertThat(events).isEmpty();
    }
}
