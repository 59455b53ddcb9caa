package io.moselle.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.moselle.cin7.simulator.DatasetSpec;
import io.moselle.sync.postgres.PostgresCallBudgets;
import io.moselle.sync.postgres.PostgresCheckpointStore;
import io.moselle.sync.postgres.PostgresLeaseStore;
import io.moselle.sync.postgres.PostgresSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The stores' schema as a host's Flyway applies it: the migrations in the jar, as they are, then a sync on them. */
class SchemaMigrationTest {
    final EngineFixture f = new EngineFixture(DatasetSpec.small(EngineFixture.NOW));
    final DataSource db = TestPostgres.dataSource(TestPostgres.newDatabase());

    @AfterEach
    void close() {
        f.close();
    }

    private Flyway flyway(String prefix) {
        return Flyway.configure().dataSource(db).locations(PostgresSchema.MIGRATIONS).placeholders(Map.of("prefix", prefix))
                .table(prefix + "schema_history").load();
    }

    @Test
    void flywayAppliesTheMigrationsAsTheyAreAndASyncRunsOnTheTables() {
        MigrateResult result = flyway("acme_").migrate();

        assertThat(result.migrationsExecuted).isEqualTo(2);
        assertThat(List.of(flyway("acme_").info().applied())).extracting(MigrationInfo::getVersion).extracting(Object::toString)
                .containsExactly("1", "2");
        SyncReport report = f.engine(b -> b.checkpointStore(new PostgresCheckpointStore(db, "acme_"))
                .callBudgets(new PostgresCallBudgets(db, "acme_", 5_000))
                .leaseStore(new PostgresLeaseStore(db, "acme_", Duration.ofSeconds(30)))).run(f.tenant);
        assertThat(report.status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(f.sink.state("acme")).isEqualTo(f.expected(f.tenant));
    }

    @Test
    void theSchemaOfAHostWithoutAMigrationToolIsTheSameAndEitherWayAgainChangesNothing() {
        flyway("one_").migrate();
        PostgresSchema.create(db, "two_");
        PostgresSchema.create(db, "one_"); // on tables Flyway made: nothing to do, nothing broken
        assertThat(flyway("one_").migrate().migrationsExecuted).isZero();

        assertThat(columns("one_")).isEqualTo(columns("two_")).isNotEmpty();
    }

    /** Every column of the stores' tables with prefix {@code prefix}: table (without the prefix), name, type, nullability. */
    private List<String> columns(String prefix) {
        List<String> columns = new java.util.ArrayList<>();
        try (var c = db.getConnection(); var ps = c.prepareStatement("SELECT table_name, column_name, data_type, is_nullable"
                + " FROM information_schema.columns WHERE table_name IN (?, ?, ?, ?) ORDER BY table_name, ordinal_position")) {
            ps.setString(1, prefix + "checkpoint");
            ps.setString(2, prefix + "call_budget");
            ps.setString(3, prefix + "lease");
            ps.setString(4, prefix + "run_status");
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1).substring(prefix.length()) + "." + rs.getString(2) + " " + rs.getString(3) + " "
                            + rs.getString(4));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return columns;
    }
}
