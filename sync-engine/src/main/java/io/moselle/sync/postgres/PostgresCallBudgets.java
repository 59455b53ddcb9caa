package io.moselle.sync.postgres;

import io.moselle.cin7.client.CallBudget;
import io.moselle.sync.spi.CallBudgets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * The daily call budget of each Cin7 API connection, counted in {@code <prefix>call_budget} in
 * PostgreSQL: one row per connection (its API username) and UTC day, incremented by one atomic
 * statement per call, so every process using the database spends one budget and a restart keeps
 * the day's count. The day is the UTC date on the database's clock, so replicas whose clocks
 * disagree around midnight still share one day; the instant the engine passes is not used.
 *
 * <pre>{@code
 * SyncEngine.builder().callBudgets(new PostgresCallBudgets(dataSource, "moselle_sync_", 5_000))
 * }</pre>
 * Thread-safe.
 */
public final class PostgresCallBudgets implements CallBudgets {
    /** The UTC day on the database's clock: every replica counts into the same day, whatever its own clock says. */
    private static final String TODAY = "(clock_timestamp() AT TIME ZONE 'UTC')::date";
    private static final String SPEND = """
            INSERT INTO ${prefix}call_budget (connection, day, used) VALUES (?, %s, 1)
            ON CONFLICT (connection, day) DO UPDATE SET used = ${prefix}call_budget.used + 1
                WHERE ${prefix}call_budget.used < ?
            RETURNING used""".formatted(TODAY);
    private static final String USED = "SELECT used FROM ${prefix}call_budget WHERE connection = ? AND day = " + TODAY;
    private static final String NEXT_RESET = "SELECT (date_trunc('day', clock_timestamp() AT TIME ZONE 'UTC') + interval '1 day')"
            + " AT TIME ZONE 'UTC'";

    private final Jdbc jdbc;
    private final long callsPerDay;

    /**
     * @param callsPerDay the calls each connection may make per UTC day (Cin7 allows 5,000)
     * @throws IllegalArgumentException for a bad prefix or a negative number of calls
     */
    public PostgresCallBudgets(DataSource dataSource, String tablePrefix, long callsPerDay) {
        this.jdbc = new Jdbc(dataSource, tablePrefix, Jdbc.STATEMENT_TIMEOUT);
        if (callsPerDay < 0) {
            throw new IllegalArgumentException("callsPerDay must be zero or more, was " + callsPerDay);
        }
        this.callsPerDay = callsPerDay;
    }

    /** The budget of the API connection {@code username}. */
    @Override
    public CallBudget forConnection(String username) {
        return new Budget(username);
    }

    private final class Budget implements CallBudget {
        private final String connection;

        Budget(String connection) {
            this.connection = connection;
        }

        @Override
        public boolean tryAcquire(Instant now) {
            if (callsPerDay == 0) {
                return false;
            }
            try {
                return jdbc.run(c -> {
                    try (PreparedStatement ps = jdbc.prepare(c, SPEND)) {
                        ps.setString(1, connection);
                        ps.setLong(2, callsPerDay);
                        try (ResultSet rs = ps.executeQuery()) {
                            return rs.next();
                        }
                    }
                });
            } catch (SQLException e) {
                throw new PostgresStoreException("cannot count a call against the daily budget of API connection " + connection + ": "
                        + Jdbc.describe(e), e);
            }
        }

        @Override
        public long remaining(Instant now) {
            try {
                long used = jdbc.run(c -> {
                    try (PreparedStatement ps = jdbc.prepare(c, USED)) {
                        ps.setString(1, connection);
                        try (ResultSet rs = ps.executeQuery()) {
                            return rs.next() ? rs.getLong(1) : 0L;
                        }
                    }
                });
                return Math.max(0, callsPerDay - used);
            } catch (SQLException e) {
                throw new PostgresStoreException("cannot read the daily budget of API connection " + connection + ": " + Jdbc.describe(e), e);
            }
        }

        /** The next UTC midnight on the database's clock. */
        @Override
        public java.util.Optional<Instant> nextReset(Instant now) {
            try {
                return java.util.Optional.of(jdbc.run(c -> {
                    try (PreparedStatement ps = jdbc.prepare(c, NEXT_RESET); ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
                    }
                }));
            } catch (SQLException e) {
                throw new PostgresStoreException("cannot read the database's clock for the daily budget of API connection " + connection
                        + ": " + Jdbc.describe(e), e);
            }
        }

        @Override
        public String toString() {
            return "CallBudget{" + callsPerDay + "/UTC day in " + jdbc.sql("${prefix}call_budget") + " for " + connection + "}";
        }
    }
}
