package io.moselle.sync;

import io.moselle.cin7.client.Credentials;
import io.moselle.cin7.client.RateLimits;
import io.moselle.mapping.cin7.Cin7Settings;
import io.moselle.sync.postgres.PostgresCallBudgets;
import io.moselle.sync.postgres.PostgresCheckpointStore;
import io.moselle.sync.postgres.PostgresLeaseStore;
import io.moselle.sync.spi.SyncListener;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A replica in a JVM of its own, for the test that kills it: syncs a tenant on the PostgreSQL
 * stores into the shared test sink, prints a line per page read, and after {@code stopAfter}
 * sales-order pages it stops making progress (its lease still renewed) until it is killed.
 *
 * <p>Arguments: base URI, API username, API key, JDBC URL, table prefix, the run's "now", lease
 * seconds, stopAfter.
 */
public final class LeaseHolderChild {
    private LeaseHolderChild() {}

    public static void main(String[] args) throws Exception {
        PGSimpleDataSource db = new PGSimpleDataSource();
        db.setURL(args[3]);
        db.setUser("postgres");
        String prefix = args[4];
        int stopAfter = Integer.parseInt(args[7]);
        CountDownLatch never = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger salesPages = new java.util.concurrent.atomic.AtomicInteger();
        SyncEngine engine = SyncEngine.builder()
                .sink(new JdbcTestSink(db, prefix))
                .checkpointStore(new PostgresCheckpointStore(db, prefix))
                .callBudgets(new PostgresCallBudgets(db, prefix, 100_000))
                .leaseStore(new PostgresLeaseStore(db, prefix, Duration.ofSeconds(Long.parseLong(args[6]))))
                .holderName("child")
                .parallelism(1)
                .rateLimits(RateLimits.unlimited())
                .clock(Clock.fixed(Instant.parse(args[5]), ZoneOffset.UTC))
                .clientOptions(options -> options.baseUri(args[0]).httpVersion(HttpClient.Version.HTTP_1_1))
                .syncListener(new SyncListener() {
                    @Override
                    public void pageFetched(String tenantId, SyncStream stream, int page, int records, long fetchedSoFar) {
                        System.out.println("page " + stream + " " + page);
                        System.out.flush();
                        if (stream == SyncStream.SALES_ORDERS && salesPages.incrementAndGet() >= stopAfter) {
                            System.out.println("stuck");
                            System.out.flush();
                            try {
                                never.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    }
                })
                .build();
        engine.run(Tenant.of("acme", Credentials.of(args[1], args[2]), Cin7Settings.defaults()));
    }
}
