package io.moselle.examples.bench;

import io.moselle.mapping.Product;
import io.moselle.sync.Snapshot;
import io.moselle.sync.SyncBatch;
import io.moselle.sync.spi.UniformSink;
import java.util.concurrent.atomic.LongAdder;

/** Counts what it is given and keeps nothing: the sink of the benchmarks. */
final class NoOpSink implements UniformSink {
    final LongAdder records = new LongAdder();

    @Override
    public <R, K> void write(SyncBatch<R, K> batch) {
        records.add(batch.upserts().size() + batch.retractions().size());
    }

    @Override
    public <R, K> void retainOnly(Snapshot<R, K> snapshot) {
        // nothing kept, nothing to remove
    }

    @Override
    public void productsComplete(Snapshot<Product, String> snapshot) {
        // nothing kept, nothing to mark
    }
}
