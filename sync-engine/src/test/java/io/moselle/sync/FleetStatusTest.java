package io.moselle.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moselle.cin7.simulator.DatasetSpec;
import io.moselle.mapping.cin7.Cin7Settings;
import io.moselle.sync.postgres.PostgresCallBudgets;
import io.moselle.sync.postgres.PostgresCheckpointStore;
import io.moselle.sync.postgres.PostgresFleetStatus.Filter;
import io.moselle.sync.postgres.PostgresFleetStatus;
import io.moselle.sync.postgres.PostgresLeaseStore;
import io.moselle.sync.postgres.TenantStatus;
import io.moselle.sync.spi.Lease;
import io.moselle.sync.spi.SyncListener;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fleet at a glance, read from the stores' tables with tenants in each state. */
class FleetStatusTest {
    final EngineFixture f = new EngineFixture(DatasetSpec.small(EngineFixture.NOW));
    final DataSource db = TestPostgres.dataSource();
    final String prefix = TestPostgres.newTables(db);
    final PostgresFleetStatus status = new PostgresFleetStatus(db, prefix);
    final PostgresLeaseStore leases = new PostgresLeaseStore(db, prefix, Duration.ofSeconds(30));
    final PostgresCallBudgets budgets = new PostgresCallBudgets(db, prefix, 5_000);
    final SyncEngine engine = f.engine(b -> b.checkpointStore(new PostgresCheckpointStore(db, prefix)).callBudgets(budgets)
            .leaseStore(leases).syncListener(SyncListener.all(status.recorder())));

    @AfterEach
    void close() {
        engine.close();
        f.close();
    }

    private Tenant tenant(String id) {
        return Tenant.of(id, f.sim.credentials(), Cin7Settings.defaults());
    }

    private static Map<String, TenantStatus> byTenant(List<TenantStatus> tenants) {
        return tenants.stream().collect(Collectors.toMap(TenantStatus::tenantId, t -> t));
    }

    @Test
    void eachTenantsFreshnessLastRunCallsAndHolderAreReadAndFiltered() {
        SyncReport fresh = engine.run(tenant("fresh"));
        SyncReport stale = engine.run(tenant("stale"));
        TestPostgres.execute(db, "UPDATE " + prefix + "run_status SET fresh_as_of = '2020-01-01T00:00:00Z' WHERE tenant_id = 'stale'");
        f.sink.failWhen = b -> b.type() == RecordType.SALES_ORDER;
        SyncReport failing = engine.run(tenant("failing"));
        Lease running = leases.acquire("tenant:fresh", "replica-2/x");

        Map<String, TenantStatus> all = byTenant(status.tenants(Filter.all()));

        assertThat(all).containsOnlyKeys("fresh", "stale", "failing");
        TenantStatus ok = all.get("fresh");
        assertThat(ok.freshAsOf()).contains(fresh.startedAt());
        assertThat(ok.lastStatus()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(ok.lastMode()).isEqualTo(RunMode.FIRST);
        assertThat(ok.failures()).isEmpty();
        assertThat(ok.error()).isEmpty();
        assertThat(ok.apiConnection()).isEqualTo(f.sim.credentials().username());
        assertThat(ok.callsToday()).as("every call of the connection today, whichever tenant made it")
                .isEqualTo(fresh.apiCalls() + stale.apiCalls() + failing.apiCalls())
                .isEqualTo(5_000 - budgets.forConnection(f.sim.credentials().username()).remaining(Instant.now()));
        assertThat(ok.leaseHolder()).contains("replica-2/x");
        assertThat(ok.leaseExpires()).hasValueSatisfying(t -> assertThat(t).isAfter(Instant.now()));
        TenantStatus bad = all.get("failing");
        assertThat(bad.lastStatus()).isEqualTo(SyncStatus.PARTIAL);
        assertThat(bad.failures()).isEqualTo(Set.of(FailureKind.SINK));
        assertThat(bad.error()).hasValueSatisfying(e -> assertThat(e).contains("the sink failed"));
        assertThat(bad.freshAsOf()).as("its recent part never came in").isEmpty();
        assertThat(bad.leaseHolder()).as("no run under way").isEmpty();

        assertThat(status.tenants(Filter.all().stale(Duration.ofDays(365)))).extracting(TenantStatus::tenantId)
                .as("never fresh first, then the stalest").containsExactly("failing", "stale");
        assertThat(status.tenants(Filter.all().failing())).extracting(TenantStatus::tenantId).containsExactly("failing");
        running.release();
    }

    @Test
    void aLaterRunThatDidNotBringTheRecentPartInKeepsTheEarlierFreshness() {
        SyncReport first = engine.run(tenant("acme"));
        f.sink.failWhen = b -> b.type() == RecordType.PRODUCT;
        SyncReport second = engine.run(tenant("acme"));

        TenantStatus acme = status.tenants(Filter.all()).get(0);
        assertThat(second.recentPartCompleteAfter()).isEmpty();
        assertThat(acme.lastStatus()).isEqualTo(SyncStatus.PARTIAL);
        assertThat(acme.freshAsOf()).contains(first.startedAt());
    }

    @Test
    void aStaleAgeMustBePositive() {
        assertThatThrownBy(() -> Filter.all().stale(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
