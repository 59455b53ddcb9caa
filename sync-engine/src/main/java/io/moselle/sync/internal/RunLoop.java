package io.moselle.sync.internal;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The steps of one run's reads, run one at a time on the run's own thread: reading an answer's
 * body, delivering its page, asking for the next. Requests waiting for their slot or for Cin7
 * hold no thread; what they do once they are answered comes back here. Each step runs with one
 * of the engine's {@link CpuPermits}. Once closed, steps handed to it are dropped: what they
 * belonged to was abandoned.
 */
final class RunLoop implements Executor {
    private final BlockingQueue<Runnable> steps = new LinkedBlockingQueue<>();
    private final CpuPermits cpu;
    private volatile boolean closed;

    RunLoop(CpuPermits cpu) {
        this.cpu = cpu;
    }

    @Override
    public void execute(Runnable step) {
        if (!closed) {
            steps.add(step);
        }
    }

    /** Runs the next step, waiting for one, then for a permit. */
    void runNext() throws InterruptedException {
        cpu.run(steps.take());
    }

    /** Drops the steps waiting and any handed over later. */
    void close() {
        closed = true;
        steps.clear();
    }
}
