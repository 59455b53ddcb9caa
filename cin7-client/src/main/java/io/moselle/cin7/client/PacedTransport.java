package io.moselle.cin7.client;

import io.moselle.cin7.client.internal.HttpTransport;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The pacing layer over the transport: a request waits for a slot of its API connection's
 * limiter, then goes out, and the limiter hears when it was sent and when its answer came (or
 * its failure). What a response means, and whether to try again, is the layer above's.
 * Thread-safe.
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
     * Spends a call of the budget, waits for the request's slot, then sends it.
     *
     * @param waiting hears each wait before it is waited
     * @param lastWord runs after the wait, right before sending: it may throw to abandon the request unsent
     * @throws CallBudgetExhaustedException when the day's budget is spent: nothing is sent
     */
    HttpTransport.Response send(HttpTransport.Request request, Consumer<Duration> waiting, Runnable lastWord)
            throws IOException, InterruptedException {
        Cin7RateLimiter.Reservation slot = limiter.reserve();
        for (Duration wait = slot.waitTime(); !wait.isZero(); wait = limiter.recheck(slot)) {
            waiting.accept(wait);
            sleeper.sleep(wait);
        }
        lastWord.run();
        limiter.sending(slot);
        try {
            return transport.send(request);
        } finally {
            limiter.completed(slot); // the status line came, or the request failed: either way Cin7 has counted it by now
        }
    }

    /** Cin7 refused a call (429) that the limiter's windows allowed: another app spends part of the limit. */
    void refusedByCin7() {
        limiter.refused();
    }
}
