package io.moselle.examples.bench;

import io.moselle.sync.spi.MoselleSink;
import io.moselle.sync.Snapshot;
import io.moselle.sync.SyncBatch;
import java.util.concurrent.atomic.LongAdder;

/** Counts what it is given and keeps nothing: the sink of the benchmarks. */
final class NoOpSink implements MoselleSink {
    final LongAdder records = new LongAdder();

    @Override
    public void write(SyncBatch<?, ?> batch) {
        records.add(batch.upserts().size() + batch.retractions().size());
    }

    @Override
    public void snapshotComplete(Snapshot<?, ?> snapshot) {
        // nothing kept, nothing to remove
    }
}
