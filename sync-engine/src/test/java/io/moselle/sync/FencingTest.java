package io.moselle.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moselle.cin7.client.RateLimits;
import io.moselle.cin7.simulator.DatasetSpec;
import io.moselle.mapping.cin7.Cin7Settings;
import io.moselle.sync.postgres.PostgresCallBudgets;
import io.moselle.sync.postgres.PostgresCheckpointStore;
import io.moselle.sync.postgres.PostgresLeaseStore;
import io.moselle.sync.spi.CheckpointKey;
import io.moselle.sync.spi.InMemoryCheckpointStore;
import io.moselle.sync.spi.Lease;
import io.moselle.sync.spi.LeaseStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fence on a real PostgreSQL: what the engine refuses to build, transactional delivery, the
 * fence's expiry, and every way a run loses its lease inside one process. Freezes and kills of
 * whole processes are in {@link FencedDeliveryProcessTest}.
 */
class FencingTest {
    final EngineFixture f = new EngineFixture(DatasetSpec.small(EngineFixture.NOW));
    final DataSource db = TestPostgres.dataSource();
    final String prefix = TestPostgres.newTables(db);

    @AfterEach
    void close() {
        f.close();
    }

    /** The PostgreSQL stores on {@code dataSource}, leases of {@code lease}. */
    SyncEngine.Builder onPostgres(SyncEngine.Builder b, DataSource dataSource, Duration lease) {
        return b.holderName("replica-1").checkpointStore(new PostgresCheckpointStore(dataSource, prefix))
                .callBudgets(new PostgresCallBudgets(dataSource, prefix, 100_000))
                .leaseStore(new PostgresLeaseStore(dataSource, prefix, lease));
    }

    @Test
    void checkpointsInTheDatabaseWithLeasesNotBesideThemAreRefusedNamingBoth() {
        PostgresCheckpointStore checkpoints = new PostgresCheckpointStore(db, prefix);
        assertThatThrownBy(() -> f.engine(b -> b.checkpointStore(checkpoints)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("checkpointStore PostgresCheckpointStore{" + prefix + "checkpoint} is shared by processes but not fenced"
                        + " by leases InProcessLeaseStore")
                .hasMessageContaining("singleReplica()");
        assertThatThrownBy(() -> f.engine(b -> b.checkpointStore(checkpoints)
                .leaseStore(new PostgresLeaseStore(db, "other_", Duration.ofSeconds(30)))))
                .hasMessageContaining("PostgresLeaseStore{other_lease, 30 s}")
                .hasMessageContaining("they are in the tables with prefix other_, not " + prefix);
        assertThatThrownBy(() -> f.engine(b -> b.checkpointStore(checkpoints)
                .leaseStore(new PostgresLeaseStore(TestPostgres.dataSource(), prefix, Duration.ofSeconds(30)))))
                .hasMessageContaining("they are on another DataSource");
        assertThatThrownBy(() -> f.engine(b -> b.checkpointStore(checkpoints).singleReplica()
                .leaseStore(new PostgresLeaseStore(db, prefix, Duration.ofSeconds(30)))))
                .hasMessageContaining("singleReplica() and leaseStore(PostgresLeaseStore{" + prefix + "lease, 30 s}) are both set");

        SyncReport single = f.engine(b -> b.checkpointStore(checkpoints).singleReplica()).run(f.tenant);
        assertThat(single.status()).as("a single replica said so").isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(checkpoints.load("acme", CheckpointKey.daily(SyncStream.SALES_ORDERS))).hasValueSatisfying(c -> assertThat(c.isComplete()).isTrue());
    }

    @Test
    void aTransactionalSinkNeedsTransactionalCheckpointsFencedByLeasesBesideThem() {
        CountingJdbcSink.Transactional sink = new CountingJdbcSink.Transactional(db, prefix);
        assertThatThrownBy(() -> f.engine(b -> b.sink(sink)))
                .hasMessageContaining("a TransactionalSink needs a TransactionalCheckpointStore such as PostgresCheckpointStore");
        assertThatThrownBy(() -> f.engine(b -> b.sink(sink).checkpointStore(new PostgresCheckpointStore(db, prefix)).singleReplica()))
                .hasMessageContaining("a TransactionalSink commits under leases kept beside its checkpoints");
        assertThatThrownBy(() -> SyncEngine.builder().sink(sink).sink(f.sink).checkpointStore(new InMemoryCheckpointStore()).build())
                .hasMessageContaining("sink: both a MoselleSink");
    }

    @Test
    void transactionalDeliveryAppliesEveryPageExactlyOnceAndEndsEqualToAnUninterruptedRun() throws Exception {
        CountingJdbcSink.Transactional sink = new CountingJdbcSink.Transactional(db, prefix);
        SyncReport first = onPostgres(f.builder(), db, Duration.ofSeconds(30)).sink(sink).parallelism(4).build().run(f.tenant);

        assertThat(first.status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(new JdbcTestSink(db, prefix).state("acme")).isEqualTo(f.expected(f.tenant));
        for (SyncStream stream : List.of(SyncStream.SALES_ORDERS, SyncStream.PURCHASE_ORDERS, SyncStream.BRANCH_TRANSFERS)) {
            assertThat(new PostgresCheckpointStore(db, prefix).load("acme", CheckpointKey.daily(stream))).as(stream + ", every slice read to its end")
                    .hasValueSatisfying(c -> assertThat(c.isComplete()).isTrue());
        }
        for (RecordType<?, ?> type : List.of(RecordType.SALES_ORDER, RecordType.REPLENISHMENT_ORDER)) {
            assertThat(CountingJdbcSink.applications(db, prefix, "acme", type)).as(type + " applied").isNotEmpty()
                    .allSatisfy((key, count) -> assertThat(count).as(type + " " + key).isEqualTo(1));
        }
    }

    /**
     * Every page was applied exactly once: no run applied a record twice, and each record older
     * than the lookback (read by one run, or resumed by the next after its last committed page)
     * was applied once in all. A daily run reads its lookback again, so records of the last
     * 90 days are applied once by each run that read them.
     */
    static void assertExactlyOnce(EngineFixture f, DataSource db, String prefix) throws Exception {
        for (RecordType<?, ?> type : List.of(RecordType.SALES_ORDER, RecordType.REPLENISHMENT_ORDER)) {
            assertThat(CountingJdbcSink.applicationsPerRun(db, prefix, "acme", type)).as(type + " applied, per run").isNotEmpty()
                    .allSatisfy((keyAtToken, count) -> assertThat(count).as(type + " " + keyAtToken).isEqualTo(1));
        }
        Set<String> older = olderSalesOrders(f);
        assertThat(older).isNotEmpty();
        Map<String, Integer> applied = CountingJdbcSink.applications(db, prefix, "acme", RecordType.SALES_ORDER);
        applied.keySet().retainAll(older);
        assertThat(applied).as("sales orders older than the lookback, applied in all").hasSize(older.size())
                .allSatisfy((key, count) -> assertThat(count).as("sales order " + key).isEqualTo(1));
    }

    /** The ids of the sales orders last modified before the lookback: the ones a resumed run never reads again. */
    static Set<String> olderSalesOrders(EngineFixture f) {
        java.time.Instant recentFrom = EngineFixture.NOW.minus(Duration.ofDays(90));
        Set<String> ids = new java.util.TreeSet<>();
        f.client(f.tenant.credentials()).salesOrders().list(io.moselle.cin7.client.ListQuery.builder()
                .where(io.moselle.cin7.client.Where.field("modifiedDate").before(recentFrom)).afterId(0).build())
                .forEach(o -> ids.add(String.valueOf(o.id())));
        return ids;
    }

    @Test
    void aTransactionalSinksSnapshotEndsRemoveWhatTheSnapshotsNoLongerHold() throws Exception {
        CountingJdbcSink.Transactional sink = new CountingJdbcSink.Transactional(db, prefix);
        TestPostgres.execute(db, "INSERT INTO " + prefix + "sink_record VALUES"
                + " ('acme', 'WAREHOUSE', 'GONE', '{\"key\":\"GONE\",\"name\":\"Closed\",\"branchIds\":[99],\"enabled\":true}'),"
                + " ('acme', 'INVENTORY_LEVEL', 'gone-sku@GONE', '{}')");
        assertThat(onPostgres(f.builder(), db, Duration.ofSeconds(30)).sink(sink).build().run(f.tenant).status())
                .isEqualTo(SyncStatus.SUCCEEDED);
        JdbcTestSink records = new JdbcTestSink(db, prefix);
        assertThat(records.rows("acme", "WAREHOUSE")).as("a warehouse the branch list no longer has").doesNotContainKey("GONE");
        assertThat(records.rows("acme", "INVENTORY_LEVEL")).doesNotContainKey("gone-sku@GONE");
        assertThat(records.state("acme")).isEqualTo(f.expected(f.tenant));
    }

    @Test
    void nothingReachesTheSinkOnceTheRunIsStopped() {
        List<String> afterTheStop = new ArrayList<>();
        f.sink.failWhen = b -> {
            if (f.engine.isRunning("acme") && b.type() == RecordType.WAREHOUSE) {
                f.engine.cancel("acme"); // stopped while the sink holds a batch, whose snapshot end would come next
            }
            return false;
        };
        f.sink.snapshotCrashWhen = s -> afterTheStop.add(s.toString()) && false;
        SyncReport report = f.engine.run(f.tenant);

        assertThat(report.status()).isEqualTo(SyncStatus.CANCELLED);
        assertThat(afterTheStop).as("no snapshot end after the stop").isEmpty();
        assertThat(f.sink.batches).as("the batch in hand, and nothing after it").singleElement()
                .satisfies(b -> assertThat(b.type()).isEqualTo(RecordType.WAREHOUSE));
    }

    @Test
    void aRenewalThatFailsOnceWithinTheLeaseLosesNothing() throws Exception {
        CountDownLatch failedOnce = new CountDownLatch(1);
        LeaseStore flaky = renewedAfter(() -> {
            if (failedOnce.getCount() > 0) {
                failedOnce.countDown();
                throw new IllegalStateException("the store did not answer this time");
            }
        });
        f.sink.failWhen = b -> {
            try {
                assertThat(failedOnce.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            return false;
        };
        assertThat(f.engine(b -> b.leaseStore(flaky)).run(f.tenant).status()).as("renewed on the next try, within the lease")
                .isEqualTo(SyncStatus.SUCCEEDED);
    }

    @Test
    void aTransactionalSinkThatThrowsRollsItsPageBackWithTheCheckpoint() throws Exception {
        CountingJdbcSink.Transactional sink = new CountingJdbcSink.Transactional(db, prefix);
        AtomicInteger salesPages = new AtomicInteger();
        List<Long> refusedPage = new ArrayList<>();
        sink.afterWrites = b -> {
            // the second page of the older history: the recent part (two pages) and one older page are in
            if (b.type() == RecordType.SALES_ORDER && salesPages.incrementAndGet() == 4) {
                b.as(RecordType.SALES_ORDER).upserts().forEach(o -> refusedPage.add(o.externalId()));
                throw new IllegalStateException("disk full");
            }
        };
        SyncEngine engine = onPostgres(f.builder(), db, Duration.ofSeconds(30)).sink(sink).build();
        SyncReport failed = engine.run(f.tenant);

        StreamReport sales = failed.stream(SyncStream.SALES_ORDERS).orElseThrow();
        assertThat(sales.status()).isEqualTo(SyncStatus.FAILED);
        assertThat(sales.failureKind()).contains(FailureKind.SINK);
        assertThat(sales.error()).hasValueSatisfying(m -> assertThat(m).contains("disk full"));
        assertThat(refusedPage).isNotEmpty();
        assertThat(CountingJdbcSink.applications(db, prefix, "acme", RecordType.SALES_ORDER))
                .as("nothing of the refused page was committed").doesNotContainKeys(refusedPage.stream().map(String::valueOf).toArray(String[]::new));
        long saved = EngineFixture.lastId(new PostgresCheckpointStore(db, prefix).load("acme", CheckpointKey.daily(SyncStream.SALES_ORDERS)).orElseThrow());
        assertThat(saved).as("the checkpoint stays after the last committed page").isLessThan(refusedPage.get(0));

        sink.afterWrites = b -> { };
        assertThat(engine.run(f.tenant).status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(new JdbcTestSink(db, prefix).state("acme")).isEqualTo(f.expected(f.tenant));
        assertExactlyOnce(f, db, prefix);
        assertThat(CountingJdbcSink.applications(db, prefix, "acme", RecordType.SALES_ORDER))
                .as("the refused page, applied once by the run that resumed after it")
                .containsAllEntriesOf(refusedPage.stream().collect(java.util.stream.Collectors.toMap(String::valueOf, id -> 1)));
    }

    @Test
    void everyBatchSnapshotEndAndRequestCarriesTheRunsLeases() throws Exception {
        f.engine(b -> onPostgres(b, db, Duration.ofSeconds(30))).run(f.tenant);
        long token = leaseRow("tenant:acme").token;
        long connectionToken = leaseRow("connection:SimulatedAccount").token;

        assertThat(f.journal()).isNotEmpty().allSatisfy(e -> assertThat(e.userAgent()).matches(
                "moselle-cin7-sync \\(replica-1/\\w+; tenant:acme #" + token + "; connection:SimulatedAccount #" + connectionToken + "\\)"));
        assertThat(f.sink.batches).isNotEmpty().allSatisfy(b -> assertThat(b.fence()).isEqualTo(new Fence("tenant:acme", token)));
        assertThat(f.sink.snapshots).hasSize(3).allSatisfy(s -> assertThat(s.fence()).isEqualTo(new Fence("tenant:acme", token)));
    }

    @Test
    void theFenceChecksTheLeasesExpiryAsWellAsItsToken() throws Exception {
        PostgresLeaseStore leases = new PostgresLeaseStore(db, prefix, Duration.ofSeconds(30));
        PostgresCheckpointStore checkpoints = new PostgresCheckpointStore(db, prefix);
        Lease lease = leases.acquire("tenant:acme", "frozen/1");
        checkpoints.save("acme", CheckpointKey.daily(SyncStream.SALES_ORDERS), PostgresStoresTest.pending(5), lease);
        expire("tenant:acme"); // its time has run out, and nobody has taken it yet

        assertThatThrownBy(() -> checkpoints.save("acme", CheckpointKey.daily(SyncStream.SALES_ORDERS), PostgresStoresTest.pending(9), lease))
                .isInstanceOf(LeaseLostException.class).hasMessageContaining("has expired or been taken over");
        AtomicInteger written = new AtomicInteger();
        assertThatThrownBy(() -> checkpoints.commit("acme", Fence.of(lease), c -> written.incrementAndGet(), CheckpointKey.daily(SyncStream.SALES_ORDERS),
                Optional.of(PostgresStoresTest.pending(9))))
                .isInstanceOf(LeaseLostException.class)
                .hasMessage("the lease tenant:acme (token " + lease.token() + ") is no longer held: it expired or was taken over by a newer"
                        + " holder, so the delivery to tenant acme was not committed");
        assertThat(written).as("the sink is not called").hasValue(0);
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            assertThatThrownBy(() -> leases.verify(c, Fence.of(lease))).isInstanceOf(LeaseLostException.class);
            c.rollback();
            c.setAutoCommit(true);
            assertThatThrownBy(() -> leases.verify(c, Fence.of(lease))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("autocommit");
        }
        assertThat(checkpoints.load("acme", CheckpointKey.daily(SyncStream.SALES_ORDERS))).contains(PostgresStoresTest.pending(5));
        assertThat(lease.renew()).as("an expired lease is lost").isFalse();
    }

    @Test
    void aRenewalRefusedStopsTheRunAtOnceAndNothingMoreReachesTheSink() throws Exception {
        CountDownLatch stolen = new CountDownLatch(1);
        AtomicInteger afterTheLoss = new AtomicInteger();
        PostgresLeaseStore thief = new PostgresLeaseStore(TestPostgres.dataSource(), prefix, Duration.ofSeconds(30));
        f.sink.failWhen = b -> {
            if (stolen.getCount() == 0) {
                afterTheLoss.incrementAndGet();
            } else if (b.type() == RecordType.SALES_ORDER) {
                expire("tenant:acme");
                thief.acquire("tenant:acme", "replica-2/new");
                stolen.countDown();
                awaitTheInterrupt();
            }
            return false;
        };
        SyncReport report = f.engine(b -> onPostgres(b, db, Duration.ofSeconds(1))).run(f.tenant);

        assertThat(report.status()).as("products and stock had finished").isEqualTo(SyncStatus.PARTIAL);
        StreamReport sales = report.stream(SyncStream.SALES_ORDERS).orElseThrow();
        assertThat(sales.failureKind()).contains(FailureKind.LEASE_LOST);
        assertThat(sales.error()).hasValueSatisfying(m -> assertThat(m)
                .isEqualTo("the lease tenant:acme was lost: it was taken over by another holder"));
        assertThat(afterTheLoss).as("no sink call after the loss").hasValue(0);
        assertThat(new PostgresCheckpointStore(db, prefix).load("acme", CheckpointKey.daily(SyncStream.SALES_ORDERS))).as("nothing saved by the old holder").isEmpty();
    }

    @Test
    void aRunWhoseLeasesWentUnrenewedForTheirDurationMakesNoFurtherCall() throws Exception {
        CountDownLatch renewalHangs = new CountDownLatch(1);
        CountDownLatch unblock = new CountDownLatch(1);
        LeaseStore hanging = renewedAfter(() -> { // a store that stopped answering, with no timeout of its own
            renewalHangs.countDown();
            await(unblock);
        });
        AtomicInteger callsBefore = new AtomicInteger(-1);
        f.sink.failWhen = b -> {
            if (b.type() == RecordType.SALES_ORDER && callsBefore.get() < 0) {
                try {
                    assertThat(renewalHangs.await(30, TimeUnit.SECONDS)).isTrue();
                    new CountDownLatch(1).await(1_200, TimeUnit.MILLISECONDS); // the lease's whole duration passes unrenewed
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                callsBefore.set(f.journal().size());
            }
            return false;
        };
        try {
            SyncReport report = f.engine(b -> b.leaseStore(hanging)).run(f.tenant);
            assertThat(report.failures()).contains(FailureKind.LEASE_LOST);
            assertThat(report.stream(SyncStream.SALES_ORDERS).orElseThrow().error()).hasValueSatisfying(m -> assertThat(m)
                    .containsPattern("^the lease (tenant:acme|connection:SimulatedAccount) was not renewed for \\d+ s: another holder may have it"));
            assertThat(f.journal()).as("no call once the leases may be another's").hasSize(callsBefore.get());
        } finally {
            unblock.countDown();
        }
    }

    @Test
    void aDatabaseUnreachableForLongerThanTheLeaseStopsTheRun() {
        String database = TestPostgres.newDatabase();
        DataSource stores = TestPostgres.dataSource(database);
        io.moselle.sync.postgres.PostgresSchema.create(stores, prefix);
        AtomicInteger afterTheLoss = new AtomicInteger();
        CountDownLatch cut = new CountDownLatch(1);
        f.sink.failWhen = b -> {
            if (cut.getCount() == 0) {
                afterTheLoss.incrementAndGet();
            } else if (b.type() == RecordType.SALES_ORDER) {
                TestPostgres.execute(db, "ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
                TestPostgres.execute(db, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
                cut.countDown();
                awaitTheInterrupt();
            }
            return false;
        };
        SyncReport report;
        try {
            report = f.engine(b -> onPostgres(b, stores, Duration.ofSeconds(1))).run(f.tenant);
        } finally {
            TestPostgres.execute(db, "ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
        }
        StreamReport sales = report.stream(SyncStream.SALES_ORDERS).orElseThrow();
        assertThat(sales.failureKind()).contains(FailureKind.LEASE_LOST);
        assertThat(sales.error()).hasValueSatisfying(m -> assertThat(m).containsPattern(
                "^the lease (tenant:acme|connection:SimulatedAccount) was lost: it could not be renewed for [1-9]\\d* s: cannot renew the lease"));
        assertThat(afterTheLoss).hasValue(0);
    }

    @Test
    void aSaturatedPoolLetsNoLeaseExpireUnderALiveHolder() throws Exception {
        BoundedPool pool = new BoundedPool(TestPostgres.dataSource(), 3);
        PostgresLeaseStore other = new PostgresLeaseStore(TestPostgres.dataSource(), prefix, Duration.ofSeconds(1));
        CountDownLatch inSink = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        f.sink.failWhen = b -> {
            if (b.type() == RecordType.SALES_ORDER && inSink.getCount() > 0) {
                inSink.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return false;
        };
        SyncEngine engine = f.engine(b -> onPostgres(b, pool, Duration.ofSeconds(1)));
        CompletableFuture<SyncReport> run = engine.runAsync(f.tenant, Executors.newSingleThreadExecutor());
        assertThat(inSink.await(30, TimeUnit.SECONDS)).isTrue();

        List<Connection> taken = new ArrayList<>();
        try {
            while (pool.available() > 0) {
                taken.add(pool.getConnection()); // the host's own work takes every connection left
            }
            Set<Object> renewals = new HashSet<>();
            while (renewals.size() < 4) { // three renewals with the pool saturated, each within a third of the lease
                LeaseRow row = leaseRow("tenant:acme");
                assertThat(row.holder).startsWith("replica-1/");
                renewals.add(row.expiresAt);
                assertThatThrownBy(() -> other.acquire("tenant:acme", "replica-2/x")).as("no false takeover")
                        .isInstanceOf(LeaseHeldException.class);
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos()); // the poll's interval
            }
        } finally {
            for (Connection c : taken) {
                c.close();
            }
            release.countDown();
        }
        assertThat(run.get(60, TimeUnit.SECONDS).status()).isEqualTo(SyncStatus.SUCCEEDED);
    }

    @Test
    void renewalsCommitOnAConnectionKeptOnlyWhileALeaseIsHeldEvenFromAPoolInManualCommit() throws Exception {
        BoundedPool pool = new BoundedPool(TestPostgres.dataSource(), 4, false);
        PostgresLeaseStore other = new PostgresLeaseStore(TestPostgres.dataSource(), prefix, Duration.ofSeconds(1));
        int[] kept = new int[1];
        f.sink.failWhen = b -> {
            if (b.type() == RecordType.SALES_ORDER && kept[0] == 0) {
                kept[0] = 4 - pool.available();
                try {
                    Set<Object> renewals = new HashSet<>();
                    while (renewals.size() < 4) { // renewals seen from another session: committed
                        renewals.add(leaseRow("tenant:acme").expiresAt);
                        assertThatThrownBy(() -> other.acquire("tenant:acme", "replica-2/x")).isInstanceOf(LeaseHeldException.class);
                        java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos()); // the poll's interval
                    }
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
            return false;
        };
        assertThat(f.engine(b -> onPostgres(b, pool, Duration.ofSeconds(1))).run(f.tenant).status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(kept[0]).as("the connection kept for renewals during the run").isEqualTo(1);
        assertThat(pool.available()).as("every connection back once no lease is held").isEqualTo(4);
    }

    @Test
    void aTenantsLeaseIsGivenUpAtOnceWhenItsApiConnectionIsHeldElsewhere() {
        PostgresLeaseStore elsewhere = new PostgresLeaseStore(TestPostgres.dataSource(), prefix, Duration.ofSeconds(30));
        Lease connection = elsewhere.acquire("connection:" + f.tenant.credentials().username(), "replica-2/x");
        SyncEngine engine = f.engine(b -> onPostgres(b, db, Duration.ofSeconds(30)));

        assertThatThrownBy(() -> engine.run(f.tenant)).isInstanceOf(SyncAlreadyRunningException.class)
                .hasMessageContaining("its API connection SimulatedAccount is in use by replica-2/x");
        assertThat(elsewhere.acquire("tenant:acme", "replica-3/y").token())
                .as("the tenant's lease was released, not left to expire in 30 s").isPositive();
        connection.release();
    }

    @Test
    void aLostConnectionLeaseIsNeverHandedToALaterRun() throws Exception {
        PostgresLeaseStore thief = new PostgresLeaseStore(TestPostgres.dataSource(), prefix, Duration.ofSeconds(30));
        String connectionKey = "connection:" + f.tenant.credentials().username();
        CountDownLatch lost = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        f.sink.failWhen = b -> {
            if (b.type() == RecordType.SALES_ORDER && lost.getCount() > 0) {
                expire(connectionKey);
                thief.acquire(connectionKey, "replica-2/thief");
                awaitTheInterrupt();
                Thread.interrupted();
                lost.countDown();
                try {
                    release.await(); // the lost run is still in the engine while the next one starts
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                Thread.currentThread().interrupt(); // as the engine left it
            }
            return false;
        };
        SyncEngine engine = f.engine(b -> onPostgres(b, db, Duration.ofSeconds(1)));
        CompletableFuture<SyncReport> first = engine.runAsync(f.tenant, Executors.newSingleThreadExecutor());
        assertThat(lost.await(30, TimeUnit.SECONDS)).isTrue();
        try {
            Tenant sameConnection = Tenant.of("acme-eu", f.tenant.credentials(), Cin7Settings.defaults());
            assertThatThrownBy(() -> engine.run(sameConnection)).isInstanceOf(SyncAlreadyRunningException.class)
                    .hasMessageContaining("its API connection SimulatedAccount is in use by replica-2/thief");
        } finally {
            release.countDown();
        }
        assertThat(first.get(60, TimeUnit.SECONDS).failures()).contains(FailureKind.LEASE_LOST);
    }

    @Test
    void aConnectionCheckHoldsTheApiConnectionsLeaseAndCallsNothingWhileAnotherReplicaHasIt() throws Exception {
        PostgresLeaseStore elsewhere = new PostgresLeaseStore(TestPostgres.dataSource(), prefix, Duration.ofSeconds(30));
        String connectionKey = "connection:" + f.tenant.credentials().username();
        Lease held = elsewhere.acquire(connectionKey, "replica-2/x");
        SyncEngine engine = f.engine(b -> onPostgres(b, db, Duration.ofSeconds(30)));

        ConnectionReport refused = engine.testConnection(f.tenant);
        assertThat(refused.failureKind()).contains(FailureKind.LEASE_HELD);
        assertThat(refused.error()).contains("the API connection SimulatedAccount is in use by replica-2/x, which paces its calls:"
                + " check again when its runs end");
        assertThat(f.journal()).as("no call made").isEmpty();

        held.release();
        long before = leaseRow(connectionKey).token;
        assertThat(engine.testConnection(f.tenant).ok()).isTrue();
        LeaseRow after = leaseRow(connectionKey);
        assertThat(after.token).as("taken for the check").isGreaterThan(before);
        assertThat(after.holder).startsWith("replica-1/");
        assertThat(elsewhere.acquire(connectionKey, "replica-2/x").token()).as("and given back").isGreaterThan(after.token);
    }

    @Test
    void aTransactionIdleUnderTheFenceIsEndedByTheDatabaseWithinTheLease() throws Exception {
        PostgresLeaseStore leases = new PostgresLeaseStore(db, prefix, Duration.ofSeconds(2));
        Lease lease = leases.acquire("tenant:acme", "frozen/1");
        TestPostgres.execute(db, "CREATE TABLE " + prefix + "host_rows (id int)");
        try (Connection c = TestPostgres.dataSource().getConnection()) {
            c.setAutoCommit(false);
            leases.verify(c, Fence.of(lease));
            int pid;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                pid = rs.getInt(1);
            }
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO " + prefix + "host_rows VALUES (1)");
            }
            long idleSince = System.nanoTime();
            while (backendAlive(pid)) { // the holder is frozen here: idle in its transaction
                assertThat(Duration.ofNanos(System.nanoTime() - idleSince)).as("ended within the lease").isLessThan(Duration.ofSeconds(2));
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos()); // the poll's interval
            }
            assertThatThrownBy(c::commit).isInstanceOf(java.sql.SQLException.class);
        }
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + prefix + "host_rows")) {
            rs.next();
            assertThat(rs.getInt(1)).as("nothing committed").isZero();
        }
    }

    @Test
    void aStatementTheDatabaseHoldsUpFailsWithinItsTimeout() throws Exception {
        PostgresLeaseStore leases = new PostgresLeaseStore(db, prefix, Duration.ofSeconds(3)); // statements time out after 1 s
        Lease lease = leases.acquire("tenant:acme", "replica-1/a");
        try (Connection blocker = TestPostgres.dataSource().getConnection(); Statement s = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            s.executeQuery("SELECT 1 FROM " + prefix + "lease WHERE lease_key = 'tenant:acme' FOR UPDATE").close(); // a stuck taker
            long start = System.nanoTime();
            assertThatThrownBy(lease::renew).isInstanceOf(io.moselle.sync.postgres.PostgresStoreException.class)
                    .hasMessageStartingWith("cannot renew the lease tenant:acme: ERROR: canceling statement");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the query timeout, a second at least")
                    .isLessThan(Duration.ofSeconds(5));
            blocker.rollback();
        }
        assertThat(lease.renew()).as("the kept connection is taken anew").isTrue();
        lease.release();
    }

    boolean backendAlive(int pid) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid)) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }

    @Test
    void aCallThatWaitedForTheRateLimitLongerThanTheLeaseIsNotSent() {
        CountDownLatch unblock = new CountDownLatch(1);
        LeaseStore hanging = renewedAfter(() -> await(unblock));
        try {
            SyncEngine engine = f.engine(b -> b.leaseStore(hanging).rateLimits(RateLimits.of(1, 60)).pacing(java.time.Clock.systemUTC(), io.moselle.cin7.client.Sleeper.system())
                    .clientOptions(options -> options.baseUri(f.sim.baseUri()).httpVersion(java.net.http.HttpClient.Version.HTTP_1_1)));
            SyncReport report = engine.run(f.tenant); // the second call's slot comes a second after the first: past the lease
            assertThat(report.failures()).contains(FailureKind.LEASE_LOST);
            assertThat(f.journal()).as("only the call made while the leases were known to be held").hasSize(1);
        } finally {
            unblock.countDown();
        }
    }

    /** Leases in memory for a second, each renewal doing {@code beforeRenewal} first (which may block or throw). */
    static LeaseStore renewedAfter(Runnable beforeRenewal) {
        LeaseStore inner = LeaseStore.inProcess();
        return new LeaseStore() {
            @Override
            public Lease acquire(String key, String holder) {
                Lease lease = inner.acquire(key, holder);
                return new Lease() {
                    public String key() {
                        return lease.key();
                    }

                    public long token() {
                        return lease.token();
                    }

                    public boolean renew() {
                        beforeRenewal.run();
                        return lease.renew();
                    }

                    public void release() {
                        lease.release();
                    }
                };
            }

            @Override
            public Duration duration() {
                return Duration.ofSeconds(1);
            }
        };
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Blocks a sink call until the engine interrupts the run; fails the test if it never does. */
    static void awaitTheInterrupt() {
        try {
            new CountDownLatch(1).await(30, TimeUnit.SECONDS);
            throw new AssertionError("the run was not stopped within 30 s of losing its lease");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void expire(String key) {
        TestPostgres.expireLease(db, prefix, key);
    }

    record LeaseRow(String holder, long token, Object expiresAt) {}

    LeaseRow leaseRow(String key) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT holder, token, expires_at FROM " + prefix + "lease WHERE lease_key = '" + key + "'")) {
            assertThat(rs.next()).as("a lease row for " + key).isTrue();
            return new LeaseRow(rs.getString(1), rs.getLong(2), rs.getObject(3));
        }
    }
}
