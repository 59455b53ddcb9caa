package io.moselle.examples.fleet;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.moselle.cin7.client.RateLimits;
import io.moselle.sync.SyncEngine;
import io.moselle.sync.SyncReport;
import io.moselle.sync.SyncStatus;
import io.moselle.sync.Tenant;
import io.moselle.sync.postgres.PostgresCallBudgets;
import io.moselle.sync.postgres.PostgresCheckpointStore;
import io.moselle.sync.postgres.PostgresFleetStatus;
import io.moselle.sync.postgres.PostgresLeaseStore;
import io.moselle.sync.spi.SyncListener;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;

/**
 * One replica of a host: a db-scheduler {@link Scheduler} over the shared PostgreSQL runs the task
 * {@value #TASK}, one instance per tenant, daily; each execution is {@code engine.run(tenant)} on
 * the PostgreSQL stores. db-scheduler gives each due execution to one worker and revives the
 * executions of a worker that stopped heart-beating; the engine's lease on the tenant keeps a
 * revived execution from running while the dead worker's lease lasts (it is refused, and tried
 * again a little later).
 */
public final class FleetWorker {
    /** The db-scheduler task: its instance id is the tenant id. */
    public static final String TASK = "moselle-daily-sync";

    /**
     * @param jdbcUrl the shared database, user and password in the URL
     * @param baseUri the Cin7 API root
     * @param name the worker's name, as lease holder and in db-scheduler
     * @param threads tenants synced at once
     * @param rateLimits pacing per API connection
     * @param leaseDuration how long a lease lives without renewal
     * @param heartbeat db-scheduler's heartbeat; an execution is dead after four missed ones
     */
    public record Config(String jdbcUrl, URI baseUri, String name, int threads, RateLimits rateLimits, Duration leaseDuration,
            Duration heartbeat) {}

    private FleetWorker() {}

    /**
     * The daily sync, as db-scheduler runs it: a refused run is tried again in a few seconds, and
     * a dead worker's run is revived at the front of the queue.
     */
    static CustomTask<Void> task(SyncEngine engine, javax.sql.DataSource db, String worker, CountingDataSource stores, LongAdder pages) {
        return Tasks.custom(TASK, Void.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(2)))
                // a dead worker's tenant is due since its first due time: it goes before the tenants due after it,
                // so its takeover waits for the lease and db-scheduler's detection, not for the whole queue
                .onDeadExecution((complete, operations) -> operations.reschedule(complete, complete.getExecution().executionTime))
                .execute((instance, context) -> {
                    try {
                        if (FleetDatabase.succeededToday(db, instance.getId())) {
                            // db-scheduler runs an execution at least once: a worker that died after the run, before
                            // the execution was marked done, leaves it to be revived. Today's sync is done already.
                            return new CompletionHandler.OnCompleteReschedule<>(Schedules.daily(LocalTime.of(2, 0)));
                        }
                        Tenant tenant = FleetDatabase.tenant(db, instance.getId());
                        Instant started = Instant.now();
                        SyncReport report = engine.run(tenant);
                        pages.add(report.streams().stream().mapToLong(s -> s.pages()).sum());
                        FleetDatabase.recordRun(db, worker, started, report);
                        FleetDatabase.recordWorker(db, worker, stores.statements(), pages.sum());
                        return new CompletionHandler.OnCompleteReschedule<>(report.status() == SyncStatus.SUCCEEDED
                                || report.status() == SyncStatus.PAUSED
                                ? Schedules.daily(LocalTime.of(2, 0)) : Schedules.fixedDelay(Duration.ofMinutes(15)));
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException("the fleet's tables cannot be read: " + e.getMessage(), e);
                    }
                });
    }

    /** Runs the worker until the process ends. */
    public static void run(Config config) throws java.sql.SQLException, InterruptedException {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(config.jdbcUrl());
        pool.setMaximumPoolSize(config.threads() + 4);
        pool.setPoolName(config.name());
        try (HikariDataSource db = new HikariDataSource(pool)) {
            CountingDataSource stores = new CountingDataSource(db);
            SyncEngine engine = SyncEngine.builder()
                    .sink(new CountingSink(new JdbcSink(db)))
                    .checkpointStore(new PostgresCheckpointStore(stores, FleetDatabase.PREFIX))
                    .callBudgets(new PostgresCallBudgets(stores, FleetDatabase.PREFIX, 5_000))
                    .leaseStore(new PostgresLeaseStore(stores, FleetDatabase.PREFIX, config.leaseDuration()))
                    .holderName(config.name())
                    .rateLimits(config.rateLimits())
                    .clientOptions(options -> options.baseUri(config.baseUri()))
                    .syncListener(SyncListener.all(new PostgresFleetStatus(db, FleetDatabase.PREFIX).recorder()))
                    .build();
            Scheduler scheduler = Scheduler.create(db, task(engine, db, config.name(), stores, new LongAdder()))
                    .schedulerName(new com.github.kagkarlsson.scheduler.SchedulerName.Fixed(config.name()))
                    .threads(config.threads())
                    .pollingInterval(Duration.ofMillis(500))
                    .heartbeatInterval(config.heartbeat())
                    .missedHeartbeatsLimit(4)
                    .registerShutdownHook()
                    .build();
            scheduler.start();
            new CountDownLatch(1).await(); // until the process is stopped; the shutdown hook stops the scheduler
        }
    }
}
