package io.moselle.sync;

import io.moselle.cin7.client.Credentials;
import io.moselle.cin7.client.RateLimits;
import io.moselle.mapping.cin7.Cin7Settings;
import io.moselle.sync.postgres.PostgresCallBudgets;
import io.moselle.sync.postgres.PostgresCheckpointStore;
import io.moselle.sync.postgres.PostgresLeaseStore;
import io.moselle.sync.spi.SyncListener;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A replica in a JVM of its own, for the tests that kill or freeze it at one step of a delivery:
 * it syncs a tenant on the PostgreSQL stores into a {@link CountingJdbcSink}, and once it has
 * delivered two pages of older sales orders it stops at {@code step}, prints {@code at <step>}
 * and waits for a line on its standard input (the parent kills it there, or freezes it and
 * thaws it later). At the end it prints {@code report <status> <failure kinds>}.
 *
 * <p>Steps: {@code fenced} (the lease checked in the delivery's transaction), {@code written}
 * (inside the sink, after its writes), {@code saved} (the checkpoint written, not committed),
 * {@code committed}, {@code between} (after a page, outside any transaction).
 *
 * <p>Arguments: base URI, API username, API key, JDBC URL, table prefix, the run's "now", lease
 * seconds, sink ({@code transactional} or {@code fenced}), step.
 */
public final class FencedReplicaChild {
    /** Older sales orders come after the recent part's two pages: the pause is in a resumed slice. */
    static final int PAUSE_AFTER_SALES_PAGES = 3;

    private static final AtomicInteger salesPages = new AtomicInteger();
    private static String step;
    private static boolean paused;

    private FencedReplicaChild() {}

    public static void main(String[] args) throws Exception {
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(args[3]);
        postgres.setUser("postgres");
        String prefix = args[4];
        step = args[8];
        DataSource db = pausing(postgres);
        PostgresLeaseStore leases = new PostgresLeaseStore(db, prefix, Duration.ofSeconds(Long.parseLong(args[6])));
        SyncEngine.Builder builder = SyncEngine.builder()
                .checkpointStore(new PostgresCheckpointStore(db, prefix))
                .callBudgets(new PostgresCallBudgets(db, prefix, 100_000))
                .leaseStore(leases)
                .holderName("child")
                .parallelism(1)
                .rateLimits(RateLimits.unlimited())
                .clock(Clock.fixed(Instant.parse(args[5]), ZoneOffset.UTC))
                .clientOptions(options -> options.baseUri(args[0]).httpVersion(HttpClient.Version.HTTP_1_1))
                .syncListener(new SyncListener() {
                    @Override
                    public void pageFetched(String tenantId, SyncStream stream, int page, int records, long fetchedSoFar) {
                        pauseAt("between");
                    }
                });
        if (args[7].equals("transactional")) {
            CountingJdbcSink.Transactional sink = new CountingJdbcSink.Transactional(postgres, prefix);
            sink.afterWrites = FencedReplicaChild::written;
            builder.sink(sink);
        } else {
            CountingJdbcSink.Fenced sink = new CountingJdbcSink.Fenced(db, prefix, leases);
            sink.afterWrites = FencedReplicaChild::written;
            builder.sink(sink);
        }
        SyncReport report = builder.build().run(Tenant.of("acme", Credentials.of(args[1], args[2]), Cin7Settings.defaults()));
        System.out.println("report " + report.status() + " " + report.failures());
        System.out.flush();
    }

    private static void written(SyncBatch<?, ?> batch) {
        if (batch.type() == RecordType.SALES_ORDER) {
            salesPages.incrementAndGet();
        }
        pauseAt("written");
    }

    /** Stops at {@code here} the first time it is reached once the older sales orders have begun. */
    private static synchronized void pauseAt(String here) {
        if (paused || !here.equals(step) || salesPages.get() < PAUSE_AFTER_SALES_PAGES) {
            return;
        }
        paused = true;
        System.out.println("at " + here);
        System.out.flush();
        try {
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The stores' connections, stopping after the lease check, after the checkpoint save in a transaction, and after a commit. */
    private static DataSource pausing(PGSimpleDataSource postgres) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (p, m, a) -> {
            Object result = invoke(m, postgres, a);
            return m.getName().equals("getConnection") ? pausing((Connection) result) : result;
        });
    }

    private static Connection pausing(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (p, m, a) -> {
            Object result = invoke(m, connection, a);
            if (m.getName().equals("commit")) {
                pauseAt("committed");
            } else if (m.getName().equals("prepareStatement")) {
                return pausing((PreparedStatement) result, connection, (String) a[0]);
            }
            return result;
        });
    }

    private static PreparedStatement pausing(PreparedStatement statement, Connection connection, String sql) {
        return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(), new Class<?>[] {PreparedStatement.class},
                (p, m, a) -> {
                    Object result = invoke(m, statement, a);
                    if (m.getName().startsWith("execute")) {
                        if (sql.contains("FOR KEY SHARE) f")) {
                            pauseAt("fenced");
                        } else if (sql.contains("INSERT INTO") && sql.contains("checkpoint") && !connection.getAutoCommit()) {
                            pauseAt("saved");
                        }
                    }
                    return result;
                });
    }

    private static Object invoke(java.lang.reflect.Method m, Object target, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
