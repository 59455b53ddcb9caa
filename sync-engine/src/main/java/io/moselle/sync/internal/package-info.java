/**
 * The run machinery, not exported by the module: it may change in any release. The path of one
 * run: {@code Engine} takes the tenant's {@code RunControl} and leases and starts a
 * {@code TenantRun}, which loads the streams' checkpoints, reads the branches (its
 * {@code WarehouseDirectory}), then products, stock ({@code Snapshots}) and the recent part of each
 * windowed stream side by side ({@code ParallelReads}), then the older history. Each
 * {@code WindowedRead} is planned from its saved checkpoint ({@code WindowPlanner},
 * {@code SlicePlanner}); each page is fetched by the stream's client, mapped, handed to the sink
 * through {@code Delivery}, and only then is the checkpoint saved.
 */
package io.moselle.sync.internal;
