/**
 * The sync engine: {@link io.moselle.sync.SyncEngine#run(io.moselle.sync.Tenant)} brings one
 * tenant's Cin7 Omni data into the host's {@link io.moselle.sync.MoselleSink}.
 *
 * <p>The path of one run: {@code SyncEngine} takes the tenant's {@code RunControl} and starts a
 * {@code TenantRun} with the engine's immutable {@code EngineConfig}. The run reads the branches
 * (its {@code WarehouseDirectory}), then products and stock ({@code Snapshots}), then each
 * windowed {@link io.moselle.sync.SyncStream} from its description ({@code WindowedRead}):
 * {@code WindowPlanner} turns the stream's {@link io.moselle.sync.Checkpoint} into the slices to
 * read; each page is fetched by the stream's client (paced by the API connection's limiter),
 * mapped, handed to {@code sink.write}, and only then is the checkpoint saved.
 */
package io.moselle.sync;
