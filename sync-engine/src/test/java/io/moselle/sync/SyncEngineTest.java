package io.moselle.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moselle.cin7.client.CallBudget;
import io.moselle.cin7.client.Credentials;
import io.moselle.cin7.simulator.DatasetSpec;
import io.moselle.cin7.simulator.JournalEntry;
import io.moselle.cin7.simulator.SimulatedData;
import io.moselle.mapping.Reason;
import io.moselle.mapping.cin7.Cin7Settings;
import io.moselle.mapping.cin7.RecordSet;
import io.moselle.sync.spi.Checkpoint;
import io.moselle.sync.spi.CheckpointKey;
import io.moselle.sync.spi.FileCheckpointStore;
import io.moselle.sync.spi.InMemoryCheckpointStore;
import io.moselle.sync.spi.SyncListener;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyncEngineTest {
    final EngineFixture f = new EngineFixture(DatasetSpec.small(EngineFixture.NOW));

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aFirstRunDeliversExactlyWhatTheMappingRulesGive() {
        SyncReport report = f.engine.run(f.tenant);

        assertThat(report.status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(report.streams()).extracting(StreamReport::status).containsOnly(SyncStatus.SUCCEEDED);
        RecordingSink.State state = f.sink.state("acme");
        assertThat(state).isEqualTo(f.expected(f.tenant));
        assertThat(state.salesOrders).isNotEmpty();
        assertThat(state.replenishments).isNotEmpty();
        assertThat(state.inventory).isNotEmpty();
        assertThat(state.warehouses).hasSize(3);
    }

    @Test
    void aRunSendsOnlyGetsAndTheMinimumNumberOfCalls() {
        SyncReport report = f.engine.run(f.tenant);

        List<JournalEntry> journal = f.journal();
        assertThat(journal).allMatch(e -> e.method().equals("GET")).allMatch(e -> e.status() == 200);
        assertThat(report.apiCalls()).isEqualTo(journal.size());
        assertThat(journal).hasSize((int) EngineFixture.firstRunMinimum(f.sim.data(), f.tenant, EngineFixture.NOW));
        assertThat(journal.stream().map(JournalEntry::resource).distinct())
                .containsExactlyInAnyOrder("v1/Branches", "v1/Products", "v1/Stock", "v1/SalesOrders", "v1/PurchaseOrders", "v1/BranchTransfers");
        assertThat(journal).filteredOn(e -> !e.resource().equals("v1/Stock"))
                .allSatisfy(e -> {
                    assertThat(e.param("order")).isEqualTo("id ASC");
                    assertThat(e.param("rows")).isEqualTo("250");
                    assertThat(e.param("where")).contains("id>");
                });
    }

    @Test
    void theFirstRunReachesBackTheInitialHistoryAndDailyRunsTheLookback() {
        SyncReport first = f.engine.run(f.tenant);
        assertThat(first.stream(SyncStream.SALES_ORDERS).orElseThrow().windows())
                .containsExactly(new Window(EngineFixture.NOW.minus(Duration.ofDays(730)), EngineFixture.NOW));
        assertThat(f.journal()).filteredOn(e -> e.resource().equals("v1/SalesOrders")).extracting(e -> e.param("where"))
                .as("the last 90 days first, then the older history").startsWith(
                        "modifiedDate>='2026-08-29T06:00:00Z' AND modifiedDate<'2026-11-27T06:00:00Z' AND id>0")
                .endsWith("modifiedDate>='2024-11-27T06:00:00Z' AND modifiedDate<'2026-08-29T06:00:00Z' AND id>1000")
                .contains("modifiedDate>='2024-11-27T06:00:00Z' AND modifiedDate<'2026-08-29T06:00:00Z' AND id>0");

        f.nextDay();
        SyncReport daily = f.engine.run(f.tenant);
        Instant now = EngineFixture.NOW.plus(Duration.ofDays(1));
        for (SyncStream s : List.of(SyncStream.SALES_ORDERS, SyncStream.PURCHASE_ORDERS, SyncStream.BRANCH_TRANSFERS)) {
            assertThat(daily.stream(s).orElseThrow().windows()).containsExactly(new Window(now.minus(Duration.ofDays(90)), now));
        }
        assertThat(f.sink.state("acme")).isEqualTo(f.expected(f.tenant));
    }

    @Test
    void aTenantPausedLongerThanItsLookbackReadsFromWhereItStoppedLeavingNoGap() {
        f.engine.run(f.tenant);
        f.sim.data().advance(Duration.ofDays(120));
        f.clock.advance(Duration.ofDays(120));

        SyncReport after = f.engine.run(f.tenant);

        Instant now = EngineFixture.NOW.plus(Duration.ofDays(120));
        assertThat(after.stream(SyncStream.SALES_ORDERS).orElseThrow().windows())
                .containsExactly(new Window(EngineFixture.NOW, now));
        assertThat(f.sink.state("acme")).isEqualTo(f.expected(f.tenant));
    }

    @Test
    void aResyncRunAgainWithTheSameDateResumesWhereItPaused() {
        Instant from = EngineFixture.NOW.minus(Duration.ofDays(300));
        CallBudget budget = CallBudget.perUtcDay(1_004);
        SyncEngine reserved = f.engine(b -> b.callBudgets(c -> budget).resyncCallReserve(1_000));
        SyncReport paused = reserved.resync(f.tenant, from, EnumSet.of(SyncStream.SALES_ORDERS));
        assertThat(paused.status()).isEqualTo(SyncStatus.PAUSED);
        long lastId = EngineFixture.lastId(f.checkpoints.load("acme", CheckpointKey.resync(SyncStream.SALES_ORDERS)).orElseThrow());
        f.clock.advance(Duration.ofDays(1));
        f.sim.clearJournal();

        SyncReport resumed = reserved.resync(f.tenant, from, EnumSet.of(SyncStream.SALES_ORDERS));

        assertThat(resumed.status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(resumed.stream(SyncStream.SALES_ORDERS).orElseThrow().windows())
                .as("the paused slice only (the last 90 days were in), not a new window")
                .containsExactly(new Window(from, EngineFixture.NOW.minus(Duration.ofDays(90))));
        assertThat(f.journal()).filteredOn(e -> e.resource().equals("v1/SalesOrders")).first()
                .satisfies(e -> assertThat(e.param("where")).endsWith("id>" + lastId));
    }

    @Test
    void aCancelThatLandsAsTheRunStartsLeavesNoInterruptOnTheHostsThread() {
        SyncEngine engine = f.engine(b -> b.syncListener(new SyncListener() {
            @Override
            public void streamStarted(String tenantId, SyncStream stream, Optional<Window> window) {
                f.engine.cancel(tenantId);
            }
        }));
        f.engine = engine;

        SyncReport report = engine.run(f.tenant);

        assertThat(report.status()).isEqualTo(SyncStatus.CANCELLED);
        assertThat(Thread.currentThread().isInterrupted()).as("the engine's own interrupt is cleared").isFalse();
        assertThat(engine.cancel("acme")).as("nothing left to cancel").isFalse();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void lookbackComesFromTheSettings() {
        Tenant tenant = f.tenant.withSettings(Cin7Settings.builder().lookbackDays(RecordSet.SALES_ORDERS, 7).build());
        f.engine.run(tenant);
        f.nextDay();
        SyncReport daily = f.engine.run(tenant);
        Instant now = EngineFixture.NOW.plus(Duration.ofDays(1));
        assertThat(daily.stream(SyncStream.SALES_ORDERS).orElseThrow().windows()).containsExactly(new Window(now.minus(Duration.ofDays(7)), now));
        assertThat(daily.stream(SyncStream.PURCHASE_ORDERS).orElseThrow().windows()).containsExactly(new Window(now.minus(Duration.ofDays(90)), now));
    }

    @Test
    void aBackdatedEditIsSeenByTheDailyRun() {
        f.engine.run(f.tenant);
        SimulatedData data = f.sim.data();
        long oldOrder = oldestDispatchedOrderCreatedBefore(data, EngineFixture.NOW.minus(Duration.ofDays(200)));
        f.nextDay();
        data.modify(SimulatedData.SALES_ORDERS, oldOrder, o -> o.put("reference", "EDITED-200-DAYS-LATER"));
        f.clock.advance(Duration.ofMinutes(5));

        f.engine.run(f.tenant);

        assertThat(f.sink.state("acme").salesOrders.get(oldOrder).orderNumber()).isEqualTo("EDITED-200-DAYS-LATER");
    }

    @ParameterizedTest
    @ValueSource(ints = {89, 91})
    void theWindowBoundaryIsTheLookback(int daysAgo) {
        f.engine.run(f.tenant);
        f.nextDay();
        Instant now = f.clock.instant();
        long id = oldestDispatchedOrderCreatedBefore(f.sim.data(), now.minus(Duration.ofDays(200)));
        f.sim.data().modifyAt(SimulatedData.SALES_ORDERS, id, now.minus(Duration.ofDays(daysAgo)), o -> o.put("reference", "BOUNDARY"));

        f.engine.run(f.tenant);

        boolean seen = "BOUNDARY".equals(f.sink.state("acme").salesOrders.get(id).orderNumber());
        assertThat(seen).isEqualTo(daysAgo < 90);
    }

    @Test
    void aVoidAfterTheFirstRunRetractsTheOrder() {
        f.engine.run(f.tenant);
        long id = f.sink.state("acme").salesOrders.keySet().stream().reduce((a, b) -> b).orElseThrow();
        f.nextDay();
        f.sim.data().voidSalesOrder(id);
        f.clock.advance(Duration.ofMinutes(1));

        SyncReport report = f.engine.run(f.tenant);

        assertThat(f.sink.state("acme").salesOrders).doesNotContainKey(id);
        assertThat(report.stream(SyncStream.SALES_ORDERS).orElseThrow().examples().get(Reason.VOIDED)).isNotEmpty();
    }

    @Test
    void recordsChangedDuringPagingAreNeitherSkippedNorLost() {
        java.util.concurrent.atomic.AtomicBoolean once = new java.util.concurrent.atomic.AtomicBoolean();
        f.sim.beforeEachRequest((n, resource, query, data) -> {
            if (resource.equals("v1/SalesOrders") && "id>250".equals(lastCondition(query.get("where"))) && once.compareAndSet(false, true)) {
                data.insertSalesOrder();
                data.modify(SimulatedData.SALES_ORDERS, 10, o -> o.put("reference", "CHANGED-WHILE-PAGING"));
                data.voidSalesOrder(400);
                data.modify(SimulatedData.SALES_ORDERS, 600, o -> o.put("reference", "CHANGED-AHEAD"));
            }
        });
        f.engine.run(f.tenant);
        assertThat(f.sink.batches.stream().filter(b -> b.type() == RecordType.SALES_ORDER)
                .flatMap(b -> b.as(RecordType.SALES_ORDER).upserts().stream()).map(o -> o.externalId()).collect(Collectors.toList()))
                .doesNotHaveDuplicates();
        f.clock.advance(Duration.ofHours(1));
        f.sim.data().advance(Duration.ofHours(1));

        f.engine.run(f.tenant);

        assertThat(f.sink.state("acme")).isEqualTo(f.expected(f.tenant));
        assertThat(f.sink.state("acme").salesOrders.get(10L).orderNumber()).isEqualTo("CHANGED-WHILE-PAGING");
        assertThat(f.sink.state("acme").salesOrders).doesNotContainKey(400L);
    }

    @Test
    void aSinkFailureFailsThatStreamLoudlyKeepsItsCheckpointAndTheOthersRun() {
        f.sink.failWhen = b -> b.type() == RecordType.SALES_ORDER && f.sink.batches.stream().anyMatch(x -> x.type() == RecordType.SALES_ORDER);
        SyncReport report = f.engine.run(f.tenant);

        StreamReport sales = report.stream(SyncStream.SALES_ORDERS).orElseThrow();
        assertThat(sales.status()).isEqualTo(SyncStatus.FAILED);
        assertThat(sales.error()).hasValueSatisfying(m -> assertThat(m).contains("the sink failed on SyncBatch{tenant=acme, SALES_ORDER"));
        assertThat(report.stream(SyncStream.PURCHASE_ORDERS).orElseThrow().status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(report.status()).isEqualTo(SyncStatus.PARTIAL);
        assertThatThrownBy(report::throwIfFailed).isInstanceOf(SyncFailedException.class).hasMessageContaining("SALES_ORDERS");
        Checkpoint checkpoint = f.checkpoints.load("acme", CheckpointKey.daily(SyncStream.SALES_ORDERS)).orElseThrow();
        assertThat(checkpoint.isComplete()).isFalse();
        String second = f.journal().stream().filter(e -> e.resource().equals("v1/SalesOrders")).skip(1).findFirst().orElseThrow().param("where");
        assertThat("id>" + EngineFixture.lastId(checkpoint)).as("the page the sink took, not the one it refused")
                .isEqualTo(second.substring(second.lastIndexOf("id>")));

        f.sink.failWhen = b -> false;
        SyncReport again = f.engine.run(f.tenant);
        assertThat(again.status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(f.sink.state("acme")).isEqualTo(f.expected(f.tenant));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(EngineFixture.CrashPoint.class)
    void anAbandonedRunResumedLeavesTheSinkAsAnUninterruptedRun(EngineFixture.CrashPoint point) {
        RecordingSink.State uninterrupted = EngineFixture.uninterruptedRun(DatasetSpec.small(EngineFixture.NOW));
        assertThat(f.crashAtEachPointInTurn(f.engine, point)).as("runs abandoned, one at each point")
                .isGreaterThanOrEqualTo(point.minimum());
        assertThat(f.sink.state("acme")).isEqualTo(uninterrupted);
    }

    @Test
    void aBadRecordFailsItsStreamNamingRecordAndFieldAndNothingOfItsPageIsWritten() {
        SimulatedData data = f.sim.data();
        Instant modified = Instant.parse(data.get(SimulatedData.SALES_ORDERS, 300).get("modifiedDate").asText());
        data.modifyAt(SimulatedData.SALES_ORDERS, 300, modified, o -> ((com.fasterxml.jackson.databind.node.ObjectNode) o.get("lineItems").get(0))
                .put("qty", "lots"));

        SyncReport report = f.engine.run(f.tenant);

        StreamReport sales = report.stream(SyncStream.SALES_ORDERS).orElseThrow();
        assertThat(sales.status()).isEqualTo(SyncStatus.FAILED);
        assertThat(sales.error()).hasValueSatisfying(m -> assertThat(m)
                .contains("v1/SalesOrders").contains("record id 300").contains("lineItems[0].qty"));
        assertThat(f.sink.batches).filteredOn(b -> b.type() == RecordType.SALES_ORDER).isNotEmpty()
                .allSatisfy(b -> assertThat(b.as(RecordType.SALES_ORDER).upserts()).noneMatch(o -> o.externalId() > 250 && o.externalId() <= 500))
                .allSatisfy(b -> assertThat(b.as(RecordType.SALES_ORDER).retractions()).noneMatch(r -> r.key() > 250 && r.key() <= 500));
        assertThat(EngineFixture.lastId(f.checkpoints.load("acme", CheckpointKey.daily(SyncStream.SALES_ORDERS)).orElseThrow()))
                .as("the history slice, read up to the page before the bad record's").isEqualTo(250);
        assertThat(report.stream(SyncStream.PURCHASE_ORDERS).orElseThrow().status()).isEqualTo(SyncStatus.SUCCEEDED);

        data.modifyAt(SimulatedData.SALES_ORDERS, 300, modified, o -> ((com.fasterxml.jackson.databind.node.ObjectNode) o.get("lineItems").get(0))
                .put("qty", 2));
        assertThat(f.engine.run(f.tenant).status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(f.sink.state("acme")).isEqualTo(f.expected(f.tenant));
    }

    @Test
    void aCorruptCheckpointFileFailsLoudlyWithTheRecovery(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        FileCheckpointStore store = new FileCheckpointStore(dir);
        java.nio.file.Files.writeString(store.fileOf("acme"), "{ not json");
        SyncReport report = f.engine(b -> b.checkpointStore(store)).run(f.tenant);
        assertThat(report.status()).isEqualTo(SyncStatus.PARTIAL);
        assertThat(report.stream(SyncStream.SALES_ORDERS).orElseThrow().error())
                .hasValueSatisfying(m -> assertThat(m).contains("acme.checkpoints.json").contains("To recover, delete the file"));
        assertThat(report.stream(SyncStream.PRODUCTS).orElseThrow().status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(f.sink.state("acme").salesOrders).isEmpty();
    }

    @Test
    void aSecondRunOfTheSameTenantIsRefused() throws Exception {
        java.util.concurrent.CountDownLatch inSink = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        f.sink.failWhen = b -> {
            inSink.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        };
        var first = f.engine.runAsync(f.tenant, java.util.concurrent.Executors.newSingleThreadExecutor());
        assertThat(inSink.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(f.engine.isRunning("acme")).isTrue();
        assertThatThrownBy(() -> f.engine.run(f.tenant)).isInstanceOf(SyncAlreadyRunningException.class)
                .hasMessage("a sync of tenant acme is already running");
        release.countDown();
        assertThat(first.get(30, java.util.concurrent.TimeUnit.SECONDS).status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(f.engine.isRunning("acme")).isFalse();
    }

    @Test
    void theReportCountsEverything() {
        SyncReport report;
        SyncReport daily;
        try (EngineFixture demo = new EngineFixture(DatasetSpec.demo(EngineFixture.NOW))) {
            report = demo.engine.run(demo.tenant);
            daily = demo.engine.run(demo.tenant);
        }
        StreamReport sales = report.stream(SyncStream.SALES_ORDERS).orElseThrow();
        assertThat(report.tenantId()).isEqualTo("acme");
        assertThat(report.mode()).as("a run reading the initial history").isEqualTo(RunMode.FIRST);
        assertThat(daily.mode()).isEqualTo(RunMode.DAILY);
        assertThat(report.startedAt()).isEqualTo(EngineFixture.NOW);
        assertThat(sales.pages()).as("the recent part and the older history: a short page ends each")
                .isBetween(sales.fetched() / 250 + 1, sales.fetched() / 250 + 2);
        assertThat(sales.apiCalls()).isEqualTo(sales.pages());
        assertThat(sales.upserted() + sales.retracted() + sales.skipped()).isEqualTo(sales.fetched());
        assertThat(sales.reasons(Reason.Kind.RETRACTED))
                .containsKeys(Reason.VOIDED, Reason.EXCLUDED_SOURCE, Reason.NOT_DISPATCHED, Reason.WAREHOUSE_DISABLED);
        assertThat(sales.reasons(Reason.Kind.RETRACTED).values().stream().mapToLong(Long::longValue).sum())
                .as("every retraction has its reason").isEqualTo(sales.retracted());
        assertThat(sales.examples().get(Reason.VOIDED)).hasSizeBetween(1, 5);
        StreamReport stock = report.stream(SyncStream.STOCK).orElseThrow();
        assertThat(stock.reasons(Reason.Kind.SKIPPED))
                .as("a stock row of a disabled warehouse is skipped, not retracted")
                .containsKeys(Reason.DUPLICATE_ROW, Reason.MISSING_SKU, Reason.WAREHOUSE_DISABLED);
        assertThat(stock.reasons(Reason.Kind.NOTED)).containsKeys(Reason.UNKNOWN_SKU, Reason.UNKNOWN_BRANCH);
        assertThat(stock.skipped()).as("skipped adds up to its reasons")
                .isEqualTo(stock.reasons(Reason.Kind.SKIPPED).values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(stock.count(Reason.DUPLICATE_ROW) + stock.count(Reason.MISSING_SKU) + stock.count(Reason.WAREHOUSE_DISABLED)
                        + stock.count(Reason.MISSING_FIELD) + stock.count(Reason.INVALID_NUMBER));
        StreamReport products = report.stream(SyncStream.PRODUCTS).orElseThrow();
        assertThat(products.reasons(Reason.Kind.SKIPPED)).containsKeys(Reason.MISSING_SKU);
    }

    @Test
    void reasonsAreListedMostFrequentFirstInAStableOrder() {
        StreamReport report = StreamReport.builder().stream(SyncStream.STOCK).status(SyncStatus.SUCCEEDED).apiCalls(0).pages(0)
                .fetched(0).upserted(0).retracted(0).retries(0).rateLimited(0).throttled(Duration.ZERO).duration(Duration.ZERO)
                .reasons(Map.of(Reason.Kind.SKIPPED, Map.of(Reason.MISSING_SKU, 2L, Reason.DUPLICATE_ROW, 2L, Reason.WAREHOUSE_DISABLED, 7L)))
                .build();
        assertThat(report.reasons(Reason.Kind.SKIPPED).keySet())
                .containsExactly(Reason.WAREHOUSE_DISABLED, Reason.MISSING_SKU, Reason.DUPLICATE_ROW);
        assertThat(report.skipped()).isEqualTo(11);
    }

    @Test
    void disabledStreamsAreSkippedButBranchesAreStillRead() {
        Tenant onlySales = f.tenant.withStreams(EnumSet.of(SyncStream.SALES_ORDERS));
        SyncReport report = f.engine.run(onlySales);
        assertThat(report.status()).isEqualTo(SyncStatus.SUCCEEDED);
        StreamReport branches = report.stream(SyncStream.BRANCHES).orElseThrow();
        assertThat(branches.status()).as("read for the warehouse mapping, not delivered").isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(branches.apiCalls()).isEqualTo(1);
        assertThat(branches.upserted()).isZero();
        assertThat(report.stream(SyncStream.PRODUCTS).orElseThrow().status()).isEqualTo(SyncStatus.SKIPPED);
        assertThat(f.journal()).extracting(JournalEntry::resource).containsOnly("v1/Branches", "v1/SalesOrders");
        assertThat(f.sink.state("acme").warehouses).isEmpty();
        assertThat(f.sink.state("acme").salesOrders).isNotEmpty();
    }

    @Test
    void aForbiddenResourceFailsOnlyItsStream() {
        f.sim.forbid("PurchaseOrders");
        SyncReport report = f.engine.run(f.tenant);
        assertThat(report.status()).isEqualTo(SyncStatus.PARTIAL);
        assertThat(report.stream(SyncStream.PURCHASE_ORDERS).orElseThrow().error())
                .hasValueSatisfying(m -> assertThat(m).contains("403"));
        assertThat(report.stream(SyncStream.BRANCH_TRANSFERS).orElseThrow().status()).isEqualTo(SyncStatus.SUCCEEDED);
    }

    @Test
    void badCredentialsFailTheRunWithoutLeakingTheKey() {
        Tenant wrong = Tenant.of("acme", Credentials.of(f.tenant.credentials().username(), "not-the-key-9f8e7d"), Cin7Settings.defaults());
        SyncReport report = f.engine.run(wrong);
        assertThat(report.status()).isEqualTo(SyncStatus.FAILED);
        assertThat(report.toString()).contains("401").doesNotContain("not-the-key-9f8e7d");
        assertThat(wrong.toString()).doesNotContain("not-the-key-9f8e7d");
    }

    @Test
    void aSpentBudgetPausesTheRunAndTheNextRunResumes() {
        // the branches, the 2 snapshots, the recent part (2 pages of sales orders, 1 of purchase orders, 1 of transfers) and 2
        // pages of older sales orders fit in the first day
        SyncEngine tight = f.engine(b -> b.callBudgets(c -> CallBudget.perUtcDay(9)));
        SyncReport paused = tight.run(f.tenant);
        assertThat(paused.status()).isEqualTo(SyncStatus.PAUSED);
        assertThat(f.journal()).hasSize(9);
        Checkpoint checkpoint = f.checkpoints.load("acme", CheckpointKey.daily(SyncStream.SALES_ORDERS)).orElseThrow();
        assertThat(checkpoint.isComplete()).isFalse();
        assertThat(EngineFixture.lastId(checkpoint)).isPositive();
        assertThat(paused.stream(SyncStream.PURCHASE_ORDERS).orElseThrow().status()).isEqualTo(SyncStatus.PAUSED);

        f.clock.advance(Duration.ofDays(1));
        f.sim.data().nextDay();
        f.sim.clearJournal();
        SyncReport resumed = f.engine(b -> b.callBudgets(c -> CallBudget.perUtcDay(20))).run(f.tenant);
        assertThat(f.journal()).filteredOn(e -> e.resource().equals("v1/SalesOrders")).extracting(e -> e.param("where"))
                .as("the new day's last 90 days first, then the paused slice where it stopped")
                .startsWith("modifiedDate>='2026-08-30T06:00:00Z' AND modifiedDate<'2026-11-28T06:00:00Z' AND id>0")
                .contains("modifiedDate>='2024-11-27T06:00:00Z' AND modifiedDate<'2026-08-29T06:00:00Z' AND id>"
                        + EngineFixture.lastId(checkpoint));
        assertThat(resumed.status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(f.sink.state("acme")).isEqualTo(f.expected(f.tenant));
    }

    @Test
    void aResyncReadsHistoryAgainOnItsOwnCheckpointsAndKeepsAReserve() {
        f.engine.run(f.tenant);
        Instant from = EngineFixture.NOW.minus(Duration.ofDays(30));
        SyncReport resync = f.engine.resync(f.tenant, from, EnumSet.of(SyncStream.SALES_ORDERS));
        assertThat(resync.mode()).isEqualTo(RunMode.RESYNC);
        assertThat(resync.stream(SyncStream.SALES_ORDERS).orElseThrow().windows()).containsExactly(new Window(from, EngineFixture.NOW));
        assertThat(resync.stream(SyncStream.PURCHASE_ORDERS).orElseThrow().status()).isEqualTo(SyncStatus.SKIPPED);
        assertThat(f.checkpoints.load("acme", CheckpointKey.resync(SyncStream.SALES_ORDERS))).isPresent();
        assertThat(f.checkpoints.load("acme", CheckpointKey.daily(SyncStream.SALES_ORDERS)).orElseThrow().coveredUpTo()).contains(EngineFixture.NOW);

        CallBudget budget = CallBudget.perUtcDay(1_003);
        SyncEngine reserved = f.engine(b -> b.callBudgets(c -> budget).resyncCallReserve(1_000));
        SyncReport paused = reserved.resync(f.tenant, EngineFixture.NOW.minus(Duration.ofDays(400)), EnumSet.of(SyncStream.SALES_ORDERS));
        assertThat(paused.status()).isEqualTo(SyncStatus.PAUSED);
        assertThat(budget.remaining(f.clock.instant())).isEqualTo(1_000);
        assertThat(paused.stream(SyncStream.SALES_ORDERS).orElseThrow().error())
                .hasValueSatisfying(m -> assertThat(m).contains("reserve"));
    }

    @Test
    void testConnectionChecksCredentialsPermissionsAndBranches() {
        f.sim.forbid("Stock");
        ConnectionReport ok = f.engine.testConnection(f.tenant);
        assertThat(ok.authenticated()).isTrue();
        assertThat(ok.branches()).hasSize(3);
        assertThat(ok.warehouses()).extracting(w -> w.key()).containsExactly("1", "2", "3");
        assertThat(ok.access()).containsEntry("v1/Stock", ConnectionReport.Access.FORBIDDEN)
                .containsEntry("v1/SalesOrders", ConnectionReport.Access.READ).hasSize(6);
        assertThat(ok.ok()).isFalse();
        assertThat(ok.failureKind()).contains(FailureKind.PERMISSION_DENIED);

        ConnectionReport bad = f.engine.testConnection(Tenant.of("x", Credentials.of("nobody", "nothing"), Cin7Settings.defaults()));
        assertThat(bad.authenticated()).isFalse();
        assertThat(bad.error()).hasValueSatisfying(e -> assertThat(e).contains("401"));
        assertThat(bad.failureKind()).contains(FailureKind.CREDENTIALS_REFUSED);
        assertThat(bad.access().values()).containsOnly(ConnectionReport.Access.UNKNOWN);
    }

    @Test
    void testConnectionToNoCin7AsksOnceAndSaysItIsUnreachable() {
        java.net.URI gone = f.sim.baseUri();
        f.sim.close();
        SyncEngine engine = SyncEngine.builder().sink(f.sink).checkpointStore(new InMemoryCheckpointStore())
                .clientOptions(b -> b.baseUri(gone)).build();

        ConnectionReport report = engine.testConnection(f.tenant);

        assertThat(report.failureKind()).contains(FailureKind.CIN7_UNREACHABLE);
        assertThat(report.error()).hasValueSatisfying(e -> assertThat(e).contains("connection refused by 127.0.0.1:" + gone.getPort()));
        assertThat(report.access()).containsEntry("v1/Branches", ConnectionReport.Access.ERROR)
                .containsEntry("v1/Stock", ConnectionReport.Access.UNKNOWN);
    }

    @Test
    void anEngineNeedsASinkAndACheckpointStore() {
        assertThatThrownBy(() -> SyncEngine.builder().build())
                .hasMessageContaining("sink is missing").hasMessageContaining("checkpointStore is missing");
        assertThatThrownBy(() -> Tenant.of("has space", f.tenant.credentials(), Cin7Settings.defaults())).hasMessageContaining("tenant id");
    }

    static long oldestDispatchedOrderCreatedBefore(SimulatedData data, Instant before) {
        for (long id = data.count(SimulatedData.SALES_ORDERS); id >= 1; id--) {
            var o = data.get(SimulatedData.SALES_ORDERS, id);
            if (Instant.parse(o.get("createdDate").asText()).isBefore(before) && !o.get("dispatchedDate").isNull()
                    && !o.get("isVoid").asBoolean() && o.get("status").asText().equals("APPROVED")
                    && !o.get("source").asText().toLowerCase().contains("shopify") && o.get("branchId").asLong() != 3) {
                return id;
            }
        }
        throw new IllegalStateException("no such order");
    }

    private static String lastCondition(String where) {
        if (where == null) {
            return "";
        }
        String[] parts = where.split(" AND ");
        return parts[parts.length - 1];
    }

}
