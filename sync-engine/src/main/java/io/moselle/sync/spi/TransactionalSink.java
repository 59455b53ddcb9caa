package io.moselle.sync.spi;

import io.moselle.sync.Snapshot;
import io.moselle.sync.SyncBatch;
import java.sql.Connection;

/**
 * A sink whose records live in the same PostgreSQL as the engine's stores: it writes on the
 * connection the engine hands it, inside the engine's transaction, and never commits, rolls back
 * or closes it.
 *
 * <p><b>Exactly once, fenced.</b> For each page the engine opens one transaction on the stores'
 * {@code DataSource}, checks in it that the run still holds its lease on the tenant (token and
 * expiry, on the database's clock) and holds the lease row against a takeover until the end,
 * calls this sink, saves the stream's checkpoint, and commits. A crash at any point leaves all of
 * it or none of it, so every page is applied exactly once and upserts need not be idempotent; a
 * run that lost its tenant commits nothing. Snapshot ends go through the same path. The
 * transaction's session has {@code statement_timeout}, {@code lock_timeout} and
 * {@code idle_in_transaction_session_timeout} set locally under the lease's time left, so a
 * holder frozen inside this call never blocks a takeover for longer than the lease.
 *
 * <p>Configure it with {@code SyncEngine.builder().sink(TransactionalSink)} beside a
 * {@code JdbcCheckpointStore} and a {@code JdbcLeaseStore} on the same {@code DataSource} and
 * table prefix. Called one call at a time per tenant. Throwing rolls the page back and fails the
 * stream (its checkpoint stays where it was).
 */
public interface TransactionalSink {

    /** Applies one batch on {@code connection}, in the engine's transaction. */
    void write(Connection connection, SyncBatch<?, ?> batch) throws Exception;

    /**
     * A complete snapshot of warehouses, products or inventory levels has been delivered: on
     * {@code connection}, remove the warehouses and inventory levels it does not hold and mark
     * such products inactive (keeping their other fields).
     */
    void snapshotComplete(Connection connection, Snapshot<?, ?> snapshot) throws Exception;
}
