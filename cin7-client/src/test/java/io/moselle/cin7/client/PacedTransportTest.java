package io.moselle.cin7.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.moselle.cin7.client.internal.HttpTransport;
import io.moselle.cin7.testing.FakeClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class PacedTransportTest {
    private static final HttpTransport.Request GET = new HttpTransport.Request("GET", URI.create("http://cin7.test/v1/Branches"), Map.of(),
            Duration.ofSeconds(30));

    @Test
    void aCallIsSpacedFromWhenItLeftAfterItsLastWordNotFromWhenItsSlotWasChecked() {
        FakeClock clock = new FakeClock(Instant.parse("2026-11-27T10:00:00Z"));
        Cin7RateLimiter limiter = Cin7RateLimiter.create(RateLimits.of(1, 60).withMargin(Duration.ZERO), CallBudget.unlimited(), clock);
        List<Instant> sent = new ArrayList<>();
        HttpTransport inFlight = new HttpTransport() {
            @Override
            public Response send(Request request) {
                throw new UnsupportedOperationException("asynchronous only");
            }

            @Override
            public CompletableFuture<Response> sendAsync(Request request) {
                sent.add(clock.instant());
                return new CompletableFuture<>(); // Cin7 has not answered yet
            }
        };
        PacedTransport paced = new PacedTransport(inFlight, limiter, clock.sleeper());

        // the last word (the lease check) takes 500 ms: the call leaves then, after its slot was checked
        paced.send(GET, wait -> { }, () -> clock.advance(Duration.ofMillis(500)), Runnable::run);

        assertThat(sent).containsExactly(clock.instant());
        assertThat(limiter.reserve().waitTime()).as("counted within 1 s of 500 ms, then a second: 2.5 s, 2 s from now")
                .isEqualTo(Duration.ofSeconds(2));
    }
}
