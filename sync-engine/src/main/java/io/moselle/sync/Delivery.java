package io.moselle.sync;

import io.moselle.mapping.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A run's calls to the sink: one at a time per tenant (several streams may deliver at once), and
 * a sink failure turned into a {@link SinkFailedException} that fails the stream, or into a stop
 * when the run was cancelled meanwhile.
 */
final class Delivery {
    private final MoselleSink sink;
    private final String tenantId;
    private final RunControl control;
    private final Object lock = new Object();

    Delivery(MoselleSink sink, String tenantId, RunControl control) {
        this.sink = sink;
        this.tenantId = tenantId;
        this.control = control;
    }

    /** Delivers the upserts and retractions among {@code outcomes}, counting every outcome; skips count only. */
    <R, K> void outcomes(StreamCounters counters, RecordType<R, K> type, List<Outcome<R>> outcomes) {
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
        batch(SyncBatch.of(tenantId, counters.stream, type, upserts, retractions));
    }

    <R, K> void batch(SyncBatch<R, K> batch) {
        if (!batch.isEmpty()) {
            call(batch.toString(), () -> sink.write(batch));
        }
    }

    <R, K> void snapshotComplete(RecordType<R, K> type, Set<K> keys) {
        Snapshot<R, K> snapshot = Snapshot.of(tenantId, type, keys);
        call("the " + type + " snapshot end", () -> sink.snapshotComplete(snapshot));
    }

    private interface SinkCall {
        void run() throws Exception;
    }

    private void call(String what, SinkCall call) {
        control.checkNotStopped();
        try {
            synchronized (lock) {
                call.run();
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw control.isStopped() ? control.stopped() : new SinkFailedException(what, e);
        }
    }
}
