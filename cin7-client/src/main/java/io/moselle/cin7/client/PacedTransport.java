package io.moselle.cin7.client;

import io.moselle.cin7.client.internal.HttpTransport;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The pacing layer over the transport: a request waits for a slot of its API connection's
 * limiter, then goes out, and the limiter hears when it was sent and when its answer came (or
 * its failure). Neither the wait nor the answer holds a thread. What a response means, and
 * whether to try again, is the layer above's. Thread-safe.
 */
final class PacedTransport {
    private final HttpTransport transport;
    private final Cin7RateLimiter limiter;
    private final Sleeper sleeper;

    PacedTransport(HttpTransport transport, Cin7RateLimiter limiter, Sleeper sleeper) {
        this.transport = transport;
        this.limiter = limiter;
        this.sleeper = sleeper;
    }

    /**
     * Spends a call of the budget, waits for the request's slot, then sends it. The future
     * completes when the status line came, or fails with what stopped the request.
     *
     * @param waiting hears each wait before it is waited
     * @param lastWord runs after the wait, right before sending: it may throw to abandon the request unsent
     * @param executor runs what follows a wait: the last word and the send
     * @throws CallBudgetExhaustedException when the day's budget is spent: nothing is sent
     */
    CompletableFuture<HttpTransport.Response> send(HttpTransport.Request request, Consumer<Duration> waiting, Runnable lastWord,
            Executor executor) {
        Cin7RateLimiter.Reservation slot = limiter.reserve();
        return after(slot.waitTime(), waiting).thenComposeAsync(waited -> sendWhenFree(slot, request, waiting, lastWord, executor), executor);
    }

    /**
     * On the executor: sends the request now if its slot still holds, else waits as long as the
     * limiter says and tries again. The check and the send run in one task, so that a busy
     * executor cannot make the request later than the slot it was checked for.
     */
    private CompletableFuture<HttpTransport.Response> sendWhenFree(Cin7RateLimiter.Reservation slot, HttpTransport.Request request,
            Consumer<Duration> waiting, Runnable lastWord, Executor executor) {
        Duration more = limiter.recheck(slot);
        if (!more.isZero()) {
            return after(more, waiting).thenComposeAsync(waited -> sendWhenFree(slot, request, waiting, lastWord, executor), executor);
        }
        lastWord.run();
        limiter.sending(slot);
        // the status line came, or the request failed: either way Cin7 has counted it by now
        return transport.sendAsync(request).whenComplete((response, failure) -> limiter.completed(slot));
    }

    private CompletableFuture<Void> after(Duration wait, Consumer<Duration> waiting) {
        if (wait.isZero()) {
            return CompletableFuture.completedFuture(null);
        }
        waiting.accept(wait);
        return sleeper.after(wait);
    }

    /** Cin7 refused a call (429) that the limiter's windows allowed: another app spends part of the limit. */
    void refusedByCin7() {
        limiter.refused();
    }
}
