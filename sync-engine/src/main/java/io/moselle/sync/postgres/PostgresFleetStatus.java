package io.moselle.sync.postgres;

import io.moselle.sync.FailureKind;
import io.moselle.sync.RunMode;
import io.moselle.sync.SyncReport;
import io.moselle.sync.SyncStatus;
import io.moselle.sync.spi.SyncListener;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The fleet at a glance, from the tables the PostgreSQL stores share: per tenant, how fresh its
 * data is, how its last run ended and why, the calls its API connection made today, and who runs
 * it now. Every replica adds {@link #recorder()} to its engine's listeners; anyone may call
 * {@link #tenants}. Thread-safe.
 */
public final class PostgresFleetStatus {
    private static final System.Logger LOG = System.getLogger("io.moselle.sync.run");
    private static final String RECORD = """
            INSERT INTO ${prefix}run_status (tenant_id, api_connection, mode, status, failures, error, started_at, ended_at, api_calls,
                fresh_as_of)
            VALUES (?, ?, ?, ?, ?, ?, ?, clock_timestamp(), ?, ?)
            ON CONFLICT (tenant_id) DO UPDATE SET api_connection = EXCLUDED.api_connection, mode = EXCLUDED.mode,
                status = EXCLUDED.status, failures = EXCLUDED.failures, error = EXCLUDED.error, started_at = EXCLUDED.started_at,
                ended_at = EXCLUDED.ended_at, api_calls = EXCLUDED.api_calls,
                fresh_as_of = COALESCE(EXCLUDED.fresh_as_of, ${prefix}run_status.fresh_as_of)""";
    private static final String TENANTS = """
            SELECT r.tenant_id, r.api_connection, r.fresh_as_of, r.ended_at, r.mode, r.status, r.failures, r.error,
                COALESCE(b.used, 0), l.holder, l.expires_at
            FROM ${prefix}run_status r
            LEFT JOIN ${prefix}call_budget b ON b.connection = r.api_connection AND b.day = (clock_timestamp() AT TIME ZONE 'UTC')::date
            LEFT JOIN ${prefix}lease l ON l.lease_key = 'tenant:' || r.tenant_id AND l.expires_at > clock_timestamp()
            WHERE (? = 0 OR r.fresh_as_of IS NULL OR r.fresh_as_of < clock_timestamp() - ? * interval '1 millisecond')
              AND (NOT ? OR r.status IN ('FAILED', 'PARTIAL'))
            ORDER BY r.fresh_as_of NULLS FIRST, r.tenant_id""";

    private final Jdbc jdbc;

    /** The status of the stores on {@code dataSource} whose tables start with {@code tablePrefix}. */
    public PostgresFleetStatus(DataSource dataSource, String tablePrefix) {
        this.jdbc = new Jdbc(dataSource, tablePrefix, Jdbc.STATEMENT_TIMEOUT);
    }

    /** Which tenants to list. */
    public record Filter(Optional<Duration> staleFor, boolean failingOnly) {
        /** Every tenant. */
        public static Filter all() {
            return new Filter(Optional.empty(), false);
        }

        /** Only tenants whose data is older than {@code age}, or never was fresh. */
        public Filter stale(Duration age) {
            if (age.isNegative() || age.isZero()) {
                throw new IllegalArgumentException("a stale age must be positive, was " + age);
            }
            return new Filter(Optional.of(age), failingOnly);
        }

        /** Only tenants whose last run FAILED or was PARTIAL. */
        public Filter failing() {
            return new Filter(staleFor, true);
        }
    }

    /**
     * A listener that records each run's end in the status table: add it to every replica's
     * engine (beside other listeners with {@link SyncListener#all}). A failure to record is logged, never thrown.
     */
    public SyncListener recorder() {
        return new SyncListener() {
            @Override
            public void runFinished(SyncReport report) {
                record(report);
            }
        };
    }

    private void record(SyncReport report) {
        try {
            jdbc.run(c -> {
                try (PreparedStatement ps = jdbc.prepare(c, RECORD)) {
                    ps.setString(1, report.tenantId());
                    ps.setString(2, report.apiConnection());
                    ps.setString(3, report.mode().name());
                    ps.setString(4, report.status().name());
                    ps.setString(5, report.failures().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
                    ps.setString(6, report.streams().stream().flatMap(s -> s.error().stream()).findFirst().orElse(null));
                    ps.setTimestamp(7, Timestamp.from(report.startedAt()));
                    ps.setLong(8, report.apiCalls());
                    ps.setTimestamp(9, report.recentPartCompleteAfter().map(d -> Timestamp.from(report.startedAt())).orElse(null));
                    return ps.executeUpdate();
                }
            });
        } catch (SQLException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, () -> "tenant " + report.tenantId() + ": its run's status was not recorded: "
                    + (e instanceof SQLException sql ? Jdbc.describe(sql) : e.getMessage()));
        }
    }

    /**
     * The tenants {@code filter} selects, the stalest first (never fresh before all).
     *
     * @throws PostgresStoreException when the database cannot be read
     */
    public List<TenantStatus> tenants(Filter filter) {
        try {
            return jdbc.run(c -> {
                try (PreparedStatement ps = jdbc.prepare(c, TENANTS)) {
                    long staleMillis = filter.staleFor().map(Duration::toMillis).orElse(0L);
                    ps.setLong(1, staleMillis);
                    ps.setLong(2, staleMillis);
                    ps.setBoolean(3, filter.failingOnly());
                    List<TenantStatus> tenants = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            tenants.add(new TenantStatus(rs.getString(1), rs.getString(2), instant(rs, 3), rs.getTimestamp(4).toInstant(),
                                    RunMode.valueOf(rs.getString(5)), SyncStatus.valueOf(rs.getString(6)), failures(rs.getString(7)),
                                    Optional.ofNullable(rs.getString(8)), rs.getLong(9), Optional.ofNullable(rs.getString(10)),
                                    instant(rs, 11)));
                        }
                    }
                    return tenants;
                }
            });
        } catch (SQLException e) {
            throw new PostgresStoreException("cannot read the fleet's status from " + jdbc.sql("${prefix}run_status") + ": "
                    + Jdbc.describe(e), e);
        }
    }

    private static Optional<Instant> instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? Optional.empty() : Optional.of(t.toInstant());
    }

    private static Set<FailureKind> failures(String text) {
        Set<FailureKind> kinds = EnumSet.noneOf(FailureKind.class);
        Arrays.stream(text.split(",")).filter(s -> !s.isEmpty()).map(FailureKind::valueOf).forEach(kinds::add);
        return kinds;
    }

    @Override
    public String toString() {
        return "PostgresFleetStatus{" + jdbc.sql("${prefix}run_status") + "}";
    }
}
