package io.moselle.sync;

import io.moselle.cin7.client.Cin7Resource;
import io.moselle.cin7.client.ListQuery;
import io.moselle.cin7.client.Where;
import io.moselle.cin7.client.model.Identified;
import io.moselle.mapping.Outcome;
import io.moselle.mapping.cin7.Cin7Settings;
import io.moselle.mapping.cin7.WarehouseDirectory;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one windowed stream: plans its windows from its checkpoint, then reads each slice by
 * keyset ({@code id > lastId}, {@code id ASC}), delivering every page to the sink and saving the
 * checkpoint only after the sink took it.
 *
 * @param <T> the Cin7 record type
 * @param <R> the Moselle record type
 * @param <K> the Moselle key type
 */
final class WindowedRead<T extends Identified, R, K> {
    private final StreamRun s;
    private final WindowedSource<T, R, K> source;
    private final Cin7Settings settings;
    private final WarehouseDirectory warehouses;
    private final String checkpointName;
    private Checkpoint checkpoint;

    private WindowedRead(StreamRun s, WindowedSource<T, R, K> source, Cin7Settings settings, WarehouseDirectory warehouses) {
        this.s = s;
        this.source = source;
        this.settings = settings;
        this.warehouses = warehouses;
        this.checkpointName = s.run.isResync() ? s.stream.name() + ":resync" : s.stream.name();
    }

    static void read(StreamRun s, WindowedSource<?, ?, ?> source, Cin7Settings settings, WarehouseDirectory warehouses) {
        new WindowedRead<>(s, source, settings, warehouses).read();
    }

    private void read() {
        TenantRun run = s.run;
        Checkpoint saved = run.loadCheckpoint(checkpointName).orElse(Checkpoint.initial());
        checkpoint = WindowPlanner.plan(saved, run.now(), run.resyncFrom(), source.lookbackDays(settings),
                settings.initialHistoryDays());
        for (Slice slice : checkpoint.pending()) {
            readSlice(slice);
        }
    }

    /** Reads one slice after its last id, saving the checkpoint after each delivered page and at its end. */
    private void readSlice(Slice slice) {
        Window window = slice.window();
        s.started(window);
        Where inWindow = Where.field("modifiedDate").atLeast(window.from()).and(Where.field("modifiedDate").before(window.to()));
        Cin7Resource<T> resource = source.resource().apply(s.client);
        s.forEachPage(resource.list(ListQuery.builder().where(inWindow).afterId(slice.lastId()).build()), page -> {
            List<Outcome<R>> outcomes = new ArrayList<>(page.items().size());
            page.items().forEach(record -> outcomes.add(source.mapping().map(record, settings, warehouses)));
            s.run.delivery().outcomes(s.counters, source.type(), outcomes);
            if (!page.items().isEmpty()) {
                save(checkpoint.progress(window, page.items().get(page.items().size() - 1).id()));
            }
        });
        save(checkpoint.done(window));
    }

    private void save(Checkpoint next) {
        s.run.saveCheckpoint(checkpointName, next);
        checkpoint = next;
    }
}
