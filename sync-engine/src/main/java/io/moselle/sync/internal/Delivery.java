package io.moselle.sync.internal;

import io.moselle.mapping.Outcome;
import io.moselle.sync.Fence;
import io.moselle.sync.RecordType;
import io.moselle.sync.Retraction;
import io.moselle.sync.Snapshot;
import io.moselle.sync.SyncBatch;
import io.moselle.sync.SyncStream;
import io.moselle.sync.spi.Checkpoint;
import io.moselle.sync.spi.CheckpointKey;
import io.moselle.sync.spi.CheckpointStore;
import io.moselle.sync.spi.Lease;
import io.moselle.sync.spi.MoselleSink;
import io.moselle.sync.spi.TransactionalCheckpointStore;
import io.moselle.sync.spi.TransactionalSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A run's writes: sink calls and checkpoint saves, one at a time per tenant (several streams may
 * deliver at once), each under the run's lease. A page goes to the sink, then its checkpoint is
 * saved; with a {@link TransactionalSink} both are one transaction, fenced by the lease in the
 * database. A sink failure becomes a {@link SinkFailedException} that fails the stream, or a stop
 * when the run was stopped meanwhile; nothing reaches the sink once the run is stopped. Writes
 * wait on the host's I/O, so they hold none of the engine's {@link CpuPermits}.
 */
public final class Delivery {
    private final Target target;
    private final String tenantId;
    private final Fence fence;
    private final RunControl control;
    private final CpuPermits cpu;
    private final Object lock = new Object();

    Delivery(EngineConfig config, String tenantId, Lease lease, RunControl control, CpuPermits cpu) {
        this.tenantId = tenantId;
        this.cpu = cpu;
        this.fence = Fence.of(lease);
        this.control = control;
        this.target = config.transactionalSink() != null
                ? new Transactional(config.transactionalSink(), (TransactionalCheckpointStore) config.checkpoints(), tenantId, lease)
                : new Plain(config.sink(), config.checkpoints(), tenantId, lease);
    }

    /**
     * Delivers the upserts and retractions among {@code outcomes}, counting every outcome (skips
     * count only), then saves {@code checkpoint} as {@code key} when it is given: as one unit
     * when the sink is transactional.
     */
    <R, K> void page(StreamCounters counters, RecordType<R, K> type, List<Outcome<R>> outcomes, CheckpointKey key,
            Checkpoint checkpoint) {
        List<R> upserts = new ArrayList<>();
        List<Retraction<K>> retractions = new ArrayList<>();
        for (Outcome<R> outcome : outcomes) {
            counters.count(outcome);
            switch (outcome.action()) {
                case UPSERT -> upserts.add(outcome.record().orElseThrow());
                case RETRACT -> retractions.add(new Retraction<>(type.keyClass().cast(outcome.key().orElseThrow()),
                        outcome.reason().orElseThrow()));
                case SKIP -> { }
            }
        }
        SyncBatch<R, K> batch = SyncBatch.of(tenantId, counters.stream, type, upserts, retractions, fence);
        if (batch.isEmpty()) {
            if (checkpoint != null) {
                save(key, checkpoint);
            }
        } else {
            call(() -> target.write(batch, key, checkpoint));
        }
    }

    /** Delivers a batch that no checkpoint covers: part of a snapshot. */
    <R, K> void batch(RecordType<R, K> type, SyncStream stream, List<R> upserts) {
        SyncBatch<R, K> batch = SyncBatch.of(tenantId, stream, type, upserts, List.of(), fence);
        if (!batch.isEmpty()) {
            call(() -> target.write(batch, null, null));
        }
    }

    <R, K> void snapshotComplete(RecordType<R, K> type, Set<K> keys) {
        Snapshot<R, K> snapshot = Snapshot.of(tenantId, type, keys, fence);
        call(() -> target.snapshotComplete(snapshot));
    }

    /** Saves a checkpoint that no delivery goes with (a slice read to its end, or split). */
    void save(CheckpointKey key, Checkpoint checkpoint) {
        oneAtATime(() -> target.save(key, checkpoint));
    }

    private void call(Runnable write) {
        control.checkNotStopped();
        try {
            oneAtATime(write);
        } catch (RuntimeException e) {
            throw control.isStopped() ? control.stopped() : e;
        }
    }

    /** Runs {@code write} after the tenant's writes before it, without a permit: it waits on the host's I/O. */
    private void oneAtATime(Runnable write) {
        cpu.outside(() -> {
            synchronized (lock) {
                write.run();
            }
        });
    }

    /** Where writes go: a plain sink then the checkpoint store, or both in one transaction. */
    private interface Target {
        /** Writes {@code batch}, then saves {@code checkpoint} as {@code key} when it is not null. */
        void write(SyncBatch<?, ?> batch, CheckpointKey key, Checkpoint checkpoint);

        void snapshotComplete(Snapshot<?, ?> snapshot);

        void save(CheckpointKey key, Checkpoint checkpoint);
    }

    /** A {@link MoselleSink}: its call returns, then the checkpoint is saved (fenced where the store is shared). */
    private record Plain(MoselleSink sink, CheckpointStore checkpoints, String tenantId, Lease lease) implements Target {
        @Override
        public void write(SyncBatch<?, ?> batch, CheckpointKey key, Checkpoint checkpoint) {
            try {
                sink.accept(batch);
            } catch (Exception e) {
                throw SinkFailedException.of(batch.toString(), e);
            }
            if (checkpoint != null) {
                save(key, checkpoint);
            }
        }

        @Override
        public void snapshotComplete(Snapshot<?, ?> snapshot) {
            try {
                sink.accept(snapshot);
            } catch (Exception e) {
                throw SinkFailedException.of("the " + snapshot.type() + " snapshot end", e);
            }
        }

        @Override
        public void save(CheckpointKey key, Checkpoint checkpoint) {
            checkpoints.save(tenantId, key, checkpoint, lease);
        }
    }

    /** A {@link TransactionalSink}: the lease checked, the sink's writes and the checkpoint, in one transaction. */
    private record Transactional(TransactionalSink sink, TransactionalCheckpointStore store, String tenantId, Lease lease)
            implements Target {
        @Override
        public void write(SyncBatch<?, ?> batch, CheckpointKey key, Checkpoint checkpoint) {
            store.commit(tenantId, Fence.of(lease), connection -> {
                try {
                    sink.on(connection).accept(batch);
                } catch (Exception e) {
                    throw SinkFailedException.of(batch.toString(), e);
                }
            }, key, Optional.ofNullable(checkpoint));
        }

        @Override
        public void snapshotComplete(Snapshot<?, ?> snapshot) {
            store.commit(tenantId, Fence.of(lease), connection -> {
                try {
                    sink.on(connection).accept(snapshot);
                } catch (Exception e) {
                    throw SinkFailedException.of("the " + snapshot.type() + " snapshot end", e);
                }
            }, null, Optional.empty());
        }

        /** Nothing to write with it: one fenced statement. */
        @Override
        public void save(CheckpointKey key, Checkpoint checkpoint) {
            store.save(tenantId, key, checkpoint, lease);
        }
    }
}
