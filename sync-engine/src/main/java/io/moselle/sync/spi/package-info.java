/**
 * What a host implements or plugs into the engine: where records go
 * ({@link io.moselle.sync.spi.MoselleSink}, {@link io.moselle.sync.spi.TransactionalSink} and their
 * uniform forms), where checkpoints, leases and call budgets live
 * ({@link io.moselle.sync.spi.CheckpointStore}, {@link io.moselle.sync.spi.LeaseStore},
 * {@link io.moselle.sync.spi.CallBudgets}), and who hears of runs' progress
 * ({@link io.moselle.sync.spi.SyncListener}). Stores for one process ship here too.
 */
package io.moselle.sync.spi;
