package io.moselle.sync.jdbc;

import io.moselle.cin7.client.CallBudget;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The daily call budget of each Cin7 API connection, counted in {@code <prefix>call_budget} in
 * PostgreSQL: one row per connection (its API username) and UTC day, incremented by one atomic
 * statement per call, so every process using the database spends one budget and a restart keeps
 * the day's count. The day is the UTC date of the instant the engine passes (its pacing clock).
 *
 * <pre>{@code
 * SyncEngine.builder().callBudgets(new JdbcCallBudgets(dataSource, "moselle_sync_", 5_000))
 * }</pre>
 * Thread-safe.
 */
public final class JdbcCallBudgets implements Function<String, CallBudget> {
    private static final String SPEND = """
            INSERT INTO ${prefix}call_budget (connection, day, used) VALUES (?, ?, 1)
            ON CONFLICT (connection, day) DO UPDATE SET used = ${prefix}call_budget.used + 1
                WHERE ${prefix}call_budget.used < ?
            RETURNING used""";
    private static final String USED = "SELECT used FROM ${prefix}call_budget WHERE connection = ? AND day = ?";

    private final Jdbc jdbc;
    private final long callsPerDay;

    /**
     * @param callsPerDay the calls each connection may make per UTC day (Cin7 allows 5,000)
     * @throws IllegalArgumentException for a bad prefix or a negative number of calls
     */
    public JdbcCallBudgets(DataSource dataSource, String tablePrefix, long callsPerDay) {
        this.jdbc = new Jdbc(dataSource, tablePrefix);
        if (callsPerDay < 0) {
            throw new IllegalArgumentException("callsPerDay must be zero or more, was " + callsPerDay);
        }
        this.callsPerDay = callsPerDay;
    }

    /** The budget of the API connection {@code username}. */
    @Override
    public CallBudget apply(String username) {
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
                    try (PreparedStatement ps = c.prepareStatement(jdbc.sql(SPEND))) {
                        ps.setString(1, connection);
                        ps.setObject(2, day(now));
                        ps.setLong(3, callsPerDay);
                        try (ResultSet rs = ps.executeQuery()) {
                            return rs.next();
                        }
                    }
                });
            } catch (SQLException e) {
                throw new JdbcStoreException("cannot count a call against the daily budget of API connection " + connection + ": "
                        + Jdbc.describe(e), e);
            }
        }

        @Override
        public long remaining(Instant now) {
            try {
                long used = jdbc.run(c -> {
                    try (PreparedStatement ps = c.prepareStatement(jdbc.sql(USED))) {
                        ps.setString(1, connection);
                        ps.setObject(2, day(now));
                        try (ResultSet rs = ps.executeQuery()) {
                            return rs.next() ? rs.getLong(1) : 0L;
                        }
                    }
                });
                return Math.max(0, callsPerDay - used);
            } catch (SQLException e) {
                throw new JdbcStoreException("cannot read the daily budget of API connection " + connection + ": " + Jdbc.describe(e), e);
            }
        }

        @Override
        public java.util.Optional<Instant> nextReset(Instant now) {
            return java.util.Optional.of(CallBudget.nextUtcMidnight(now));
        }

        private LocalDate day(Instant now) {
            return LocalDate.ofInstant(now, ZoneOffset.UTC);
        }

        @Override
        public String toString() {
            return "CallBudget{" + callsPerDay + "/UTC day in " + jdbc.sql("${prefix}call_budget") + " for " + connection + "}";
        }
    }
}
