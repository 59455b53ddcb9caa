package io.moselle.sync.internal;

import io.moselle.cin7.client.Cin7Client;
import io.moselle.cin7.client.RateLimits;
import io.moselle.cin7.client.Sleeper;
import io.moselle.sync.spi.CallBudgets;
import io.moselle.sync.spi.CheckpointStore;
import io.moselle.sync.spi.LeaseStore;
import io.moselle.sync.spi.MoselleSink;
import io.moselle.sync.spi.SyncListener;
import io.moselle.sync.spi.TransactionalSink;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * The engine's configuration, fixed when it is built and shared read-only by every run.
 *
 * @param sink where records go, or null when they go to {@code transactionalSink}
 * @param transactionalSink where records go inside the checkpoint store's transactions, or null
 * @param checkpoints where checkpoints are kept
 * @param clientOptions the host's settings of each Cin7 client (base URI, timeouts, retries...)
 * @param clock the run's "now": window ends and inventory {@code asOf}
 * @param pacingClock what rate limiters, budgets and retries measure time on
 * @param sleeper how they wait
 * @param listener progress of runs
 * @param rateLimits pacing per API connection
 * @param callBudgets the daily call budget of each API connection, by API username
 * @param resyncCallReserve calls of the day a re-sync leaves to the daily runs
 * @param parallelism the most requests of one tenant in flight at once
 * @param leases where the leases on tenants and API connections live
 * @param holder how this engine names itself as a lease holder
 */
public record EngineConfig(MoselleSink sink, TransactionalSink transactionalSink, CheckpointStore checkpoints, Consumer<Cin7Client.Options> clientOptions, Clock clock,
        Clock pacingClock, Sleeper sleeper, SyncListener listener, RateLimits rateLimits, CallBudgets callBudgets,
        long resyncCallReserve, int parallelism, LeaseStore leases, String holder) {}
