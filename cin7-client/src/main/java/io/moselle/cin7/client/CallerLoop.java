package io.moselle.cin7.client;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Runs the steps of one blocking call on the thread that waits for it: the client's blocking
 * methods are its asynchronous ones, awaited here, so both share one path.
 */
final class CallerLoop implements Executor {
    private static final Runnable WAKE_UP = () -> { };

    private final BlockingQueue<Runnable> steps = new LinkedBlockingQueue<>();

    @Override
    public void execute(Runnable step) {
        steps.add(step);
    }

    /**
     * Runs steps until {@code future} is done, and returns its value.
     *
     * @throws RuntimeException what the future failed with, as it was thrown
     * @throws InterruptedException if the thread was interrupted while waiting; the future is then cancelled
     */
    <T> T await(CompletableFuture<T> future) throws InterruptedException {
        future.whenComplete((value, failure) -> steps.add(WAKE_UP)); // in case another thread completes it
        try {
            while (!future.isDone()) {
                steps.take().run();
            }
        } catch (InterruptedException e) {
            future.cancel(false);
            throw e;
        }
        return Futures.join(future);
    }
}
