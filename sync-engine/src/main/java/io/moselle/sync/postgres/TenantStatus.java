package io.moselle.sync.postgres;

import io.moselle.sync.FailureKind;
import io.moselle.sync.RunMode;
import io.moselle.sync.SyncStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One tenant of the fleet at a glance, as {@link PostgresFleetStatus#tenants} reads it.
 *
 * @param tenantId the tenant
 * @param apiConnection the API connection (API username) of its last run
 * @param freshAsOf how fresh its data is: the start of its last run that brought the recent part
 *     in; empty when no run ever did
 * @param lastRunEnded when its last run ended, on the database's clock
 * @param lastMode the mode of its last run
 * @param lastStatus how its last run ended
 * @param failures the kinds of failure of its last run's streams; empty when none failed
 * @param error the first error of its last run, if any; never holds a secret
 * @param callsToday calls its API connection made today (UTC, on the database's clock), by every tenant on it
 * @param leaseHolder who holds the tenant's lease now, if anyone (a run under way)
 * @param leaseExpires when that lease expires unless renewed
 */
public record TenantStatus(String tenantId, String apiConnection, Optional<Instant> freshAsOf, Instant lastRunEnded,
        RunMode lastMode, SyncStatus lastStatus, Set<FailureKind> failures, Optional<String> error, long callsToday,
        Optional<String> leaseHolder, Optional<Instant> leaseExpires) {

    /** A status; every component is required, {@code failures} is copied. */
    public TenantStatus {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(apiConnection, "apiConnection");
        Objects.requireNonNull(freshAsOf, "freshAsOf");
        Objects.requireNonNull(lastRunEnded, "lastRunEnded");
        Objects.requireNonNull(lastMode, "lastMode");
        Objects.requireNonNull(lastStatus, "lastStatus");
        failures = Set.copyOf(failures);
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(leaseHolder, "leaseHolder");
        Objects.requireNonNull(leaseExpires, "leaseExpires");
    }
}
