/**
 * The sync engine's API: {@link io.moselle.sync.SyncEngine#run(io.moselle.sync.Tenant)} brings one
 * tenant's Cin7 Omni data into the host's sink, and returns a {@link io.moselle.sync.SyncReport}.
 * Here are the engine, the {@link io.moselle.sync.Tenant}, the reports, the values a sink receives
 * ({@link io.moselle.sync.SyncBatch}, {@link io.moselle.sync.Snapshot}, {@link io.moselle.sync.Fence})
 * and the exceptions, all under {@link io.moselle.sync.SyncException}. What a host implements or
 * plugs in is in {@code io.moselle.sync.spi}; the stores for several replicas on one PostgreSQL
 * are in {@code io.moselle.sync.postgres}.
 */
package io.moselle.sync;
