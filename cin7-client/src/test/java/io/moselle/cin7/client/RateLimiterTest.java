package io.moselle.cin7.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moselle.cin7.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    /**
     * Sends {@code n} calls through the limiter, sleeping on the fake clock, each answered at
     * once, and returns their send times (ms from T0).
     */
    private static List<Long> sendTimes(Cin7RateLimiter limiter, FakeClock clock, int n) throws InterruptedException {
        return sendTimes(limiter, clock, n, true);
    }

    private static List<Long> sendTimes(Cin7RateLimiter limiter, FakeClock clock, int n, boolean answered) throws InterruptedException {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Cin7RateLimiter.Reservation call = limiter.reserve();
            waitForSlot(limiter, clock, call);
            limiter.sending(call);
            if (answered) {
                limiter.completed(call);
            }
            times.add(Duration.between(T0, clock.instant()).toMillis());
        }
        return times;
    }

    /** Waits for the call's slot as the client does: its wait, then as long as the limiter says when it comes to it. */
    private static void waitForSlot(Cin7RateLimiter limiter, FakeClock clock, Cin7RateLimiter.Reservation call) throws InterruptedException {
        clock.sleeper().sleep(call.waitTime());
        for (Duration more = limiter.recheck(call); !more.isZero(); more = limiter.recheck(call)) {
            clock.sleeper().sleep(more);
        }
    }

    @Test
    void burstsThreePerSecondThenSixtyPerMinute() throws InterruptedException {
        FakeClock clock = new FakeClock(T0);
        Cin7RateLimiter limiter = Cin7RateLimiter.create(RateLimits.defaults().withMargin(Duration.ZERO), CallBudget.unlimited(), clock);
        List<Long> times = sendTimes(limiter, clock, 63);
        assertThat(times.subList(0, 6)).containsExactly(0L, 0L, 0L, 1000L, 1000L, 1000L);
        assertThat(times.get(59)).isEqualTo(19_000L);
        // the 61st call waits until the first leaves the minute window
        assertThat(times.get(60)).isEqualTo(60_000L);
        assertThat(times.get(62)).isEqualTo(60_000L);
        assertWindowsRespected(times, 3, 1_000);
        assertWindowsRespected(times, 60, 60_000);
    }

    @Test
    void sustainedRateIsTheMinuteLimit() throws InterruptedException {
        FakeClock clock = new FakeClock(T0);
        Cin7RateLimiter limiter = Cin7RateLimiter.create(RateLimits.defaults().withMargin(Duration.ZERO), CallBudget.unlimited(), clock);
        List<Long> times = sendTimes(limiter, clock, 600);
        // 600 calls at 60/min: the last one goes out in the tenth minute
        assertThat(times.get(599)).isBetween(9 * 60_000L, 10 * 60_000L);
        assertWindowsRespected(times, 60, 60_000);
    }

    @Test
    void marginWidensTheWindows() throws InterruptedException {
        FakeClock clock = new FakeClock(T0);
        Cin7RateLimiter limiter = Cin7RateLimiter.create(RateLimits.of(3, 60).withMargin(Duration.ofMillis(50)), CallBudget.unlimited(), clock);
        assertThat(sendTimes(limiter, clock, 4)).containsExactly(0L, 0L, 0L, 1050L);
        FakeClock minuteClock = new FakeClock(T0);
        Cin7RateLimiter minute = Cin7RateLimiter.create(RateLimits.of(10, 3).withMargin(Duration.ofMillis(50)), CallBudget.unlimited(),
                minuteClock);
        assertThat(sendTimes(minute, minuteClock, 4)).as("the minute's window too").containsExactly(0L, 0L, 0L, 60_050L);
    }

    @Test
    void aCallSentLaterThanItsSlotIsSpacedFromWhenItWasSent() {
        FakeClock clock = new FakeClock(T0);
        RateLimits limits = RateLimits.of(1, 60).withMargin(Duration.ZERO).withCountedWithin(Duration.ofMillis(500));
        Cin7RateLimiter limiter = Cin7RateLimiter.create(limits, CallBudget.unlimited(), clock);
        Cin7RateLimiter.Reservation first = limiter.reserve();
        clock.advance(Duration.ofSeconds(2)); // a busy host: the call leaves two seconds after its slot
        limiter.sending(first);
        assertThat(limiter.reserve().waitTime()).as("Cin7 may count it up to 500 ms after it left, now: a second after that")
                .isEqualTo(Duration.ofMillis(1_500));
    }

    @Test
    void laterCallsAreSpacedFromWhenTheResponseArrived() throws InterruptedException {
        FakeClock clock = new FakeClock(T0);
        Cin7RateLimiter limiter = Cin7RateLimiter.create(RateLimits.of(2, 60).withMargin(Duration.ZERO), CallBudget.unlimited(), clock);
        Cin7RateLimiter.Reservation first = limiter.reserve();
        clock.advance(Duration.ofMillis(700));     // a slow reply: Cin7 may have counted it as late as this
        limiter.completed(first);
        limiter.reserve();
        Cin7RateLimiter.Reservation third = limiter.reserve();
        assertThat(third.waitTime()).isEqualTo(Duration.ofMillis(1_000));
    }

    @Test
    void aReplyTakingSecondsHoldsLaterCallsBackOnlyUntilCin7HasCertainlyCountedIt() throws InterruptedException {
        FakeClock clock = new FakeClock(T0);
        RateLimits limits = RateLimits.of(2, 60).withMargin(Duration.ZERO).withCountedWithin(Duration.ofMillis(500));
        Cin7RateLimiter limiter = Cin7RateLimiter.create(limits, CallBudget.unlimited(), clock);
        Cin7RateLimiter.Reservation first = limiter.reserve();
        clock.advance(Duration.ofSeconds(3));      // Cin7 took three seconds over the page, after it counted the call
        limiter.completed(first);
        Cin7RateLimiter.Reservation second = limiter.reserve();
        Cin7RateLimiter.Reservation third = limiter.reserve();
        assertThat(second.waitTime()).isZero();
        assertThat(third.waitTime()).as("a second after 500 ms past the first send, which is 2.5 s ago").isZero();
        Cin7RateLimiter.Reservation fourth = limiter.reserve();
        assertThat(fourth.waitTime()).as("the second and third are in flight: Cin7 may count them up to 500 ms after their send")
                .isEqualTo(Duration.ofMillis(1_500));
        limiter.sending(second);
        clock.advance(Duration.ofMillis(200));
        limiter.completed(second);
        limiter.sending(third);
        limiter.completed(third);
        assertThat(limiter.reserve().waitTime()).as("both answered now: counted by then").isEqualTo(Duration.ofMillis(1_000));
    }

    @Test
    void threadsSharingALimiterShareItsLimits() throws Exception {
        FakeClock clock = new FakeClock(T0);
        Cin7RateLimiter limiter = Cin7RateLimiter.create(RateLimits.of(3, 60).withMargin(Duration.ZERO), CallBudget.unlimited(), clock);
        ConcurrentLinkedQueue<Long> slots = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < 10; i++) {
                        // the clock does not move: each reservation is an offset from T0
                        slots.add(limiter.reserve().waitTime().toMillis());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        List<Long> sorted = slots.stream().sorted().toList();
        assertThat(sorted).hasSize(80);
        assertWindowsRespected(sorted, 3, 1_000);
        assertWindowsRespected(sorted, 60, 60_000);
    }

    @Test
    void aRefusalLowersThePaceToNinetyPercentOfTheLastMinuteAndAnsweredCallsWinItBackSlowlyOnlyNearWhereCin7Refused() throws InterruptedException {
        FakeClock clock = new FakeClock(T0);
        Cin7RateLimiter limiter = Cin7RateLimiter.create(RateLimits.defaults().withMargin(Duration.ZERO), CallBudget.unlimited(), clock);
        for (int i = 0; i < 30; i++) { // 30 calls answered over the first 30 s
            Cin7RateLimiter.Reservation call = limiter.reserve();
            clock.sleeper().sleep(call.waitTime().plusSeconds(1));
            limiter.completed(call);
        }
        assertThat(limiter.perMinuteNow()).isEqualTo(60);
        assertThat(limiter.slowedTime()).isZero();

        limiter.refused();

        assertThat(limiter.perMinuteNow()).as("90% of the 30 calls of the last minute").isEqualTo(27);
        assertThat(limiter.refusals()).isEqualTo(1);
        Instant refusedAt = clock.instant();
        List<Long> times = sendTimes(limiter, clock, 81, false); // sent, not answered: nothing won back yet
        assertWindowsRespected(times, 27, 60_000);
        assertThat(times.get(80) - times.get(0)).as("81 calls at 27 a minute span two minutes").isGreaterThanOrEqualTo(120_000L);
        assertThat(limiter.slowedTime()).isEqualTo(Duration.between(refusedAt, clock.instant()));

        answer(limiter, clock, 160); // fast up to 95% of the 30 Cin7 let through (1/300 of the limit a call), then slowly (1/7200)
        assertThat(limiter.perMinuteNow()).isBetween(28, 29);
        answer(limiter, clock, 200); // probing, slowly
        assertThat(limiter.perMinuteNow()).isBetween(30, 31);
        answer(limiter, clock, 400); // past 110% of it without a refusal: the others left, fast again
        assertThat(limiter.perMinuteNow()).isEqualTo(60);
        Duration slowed = limiter.slowedTime();
        clock.advance(Duration.ofMinutes(5));
        assertThat(limiter.slowedTime()).as("no longer slowed").isEqualTo(slowed);
    }

    private static void answer(Cin7RateLimiter limiter, FakeClock clock, int calls) throws InterruptedException {
        for (int i = 0; i < calls; i++) {
            Cin7RateLimiter.Reservation call = limiter.reserve();
            clock.sleeper().sleep(call.waitTime());
            limiter.completed(call);
        }
    }

    @Test
    void aCallWaitingForItsSlotWhenCin7RefusesAnotherIsCheckedAgainAtTheLowerPace() throws InterruptedException {
        FakeClock clock = new FakeClock(T0);
        Cin7RateLimiter limiter = Cin7RateLimiter.create(RateLimits.of(1, 60).withMargin(Duration.ZERO), CallBudget.unlimited(), clock);
        sendTimes(limiter, clock, 60); // one a second, answered at once: the last at 59 s
        Cin7RateLimiter.Reservation waiting = limiter.reserve();
        assertThat(waiting.waitTime()).as("the 61st waits for the first to leave the minute").isEqualTo(Duration.ofSeconds(1));

        limiter.refused(); // other apps spend part of the limit: 60 a minute was too many

        assertThat(limiter.perMinuteNow()).isEqualTo(54);
        clock.sleeper().sleep(waiting.waitTime());
        assertThat(limiter.recheck(waiting)).as("at its slot, at 60 s, checked at 54 a minute: 60 s after the 54th newest, sent at 6 s")
                .isEqualTo(Duration.ofSeconds(6));
        clock.sleeper().sleep(Duration.ofSeconds(6));
        assertThat(limiter.recheck(waiting)).as("its new slot holds").isZero();
        limiter.sending(waiting); // in flight: Cin7 may count it up to a second after it left, at 67 s
        assertThat(limiter.reserve().waitTime()).as("one a second: a second after 67 s").isEqualTo(Duration.ofSeconds(2));
    }

    /** Sends one call through the limiter, answered {@code latency} after it went out. */
    private static void answeredAfter(Cin7RateLimiter limiter, FakeClock clock, Duration latency) throws InterruptedException {
        Cin7RateLimiter.Reservation call = limiter.reserve();
        waitForSlot(limiter, clock, call);
        limiter.sending(call);
        clock.advance(latency);
        limiter.completed(call);
    }

    @Test
    void requestsInFlightAreTheRateAllowedNowTimesTheLatencyMeasured() throws InterruptedException {
        FakeClock clock = new FakeClock(T0);
        Cin7RateLimiter limiter = Cin7RateLimiter.create(RateLimits.defaults().withMargin(Duration.ZERO), CallBudget.unlimited(), clock);
        assertThat(limiter.requestsInFlightToKeepUp()).as("nothing measured yet: the burst").isEqualTo(3);

        answeredAfter(limiter, clock, Duration.ofSeconds(5));
        assertThat(limiter.requestsInFlightToKeepUp()).as("3 a second for 5 s, 10% headroom, one being prepared").isEqualTo(18);

        for (int i = 0; i < 59; i++) {
            limiter.reserve();
        }
        assertThat(limiter.requestsInFlightToKeepUp()).as("the minute's 60 calls are placed: 1 a second for 5 s").isEqualTo(7);
    }

    @Test
    void requestsInFlightFollowALatencyThatRisesAtOnceAndFallsWithinTenCalls() throws InterruptedException {
        FakeClock clock = new FakeClock(T0);
        Cin7RateLimiter limiter = Cin7RateLimiter.create(RateLimits.of(1, 60).withMargin(Duration.ZERO), CallBudget.unlimited(), clock);
        answeredAfter(limiter, clock, Duration.ofSeconds(6));
        assertThat(limiter.requestsInFlightToKeepUp()).isEqualTo(8);
        for (int i = 0; i < 10; i++) {
            answeredAfter(limiter, clock, Duration.ofSeconds(1));
        }
        assertThat(limiter.requestsInFlightToKeepUp()).as("Cin7 got faster: 2.3 s on average now").isEqualTo(4);
        answeredAfter(limiter, clock, Duration.ofSeconds(10));
        answeredAfter(limiter, clock, Duration.ofSeconds(10));
        assertThat(limiter.requestsInFlightToKeepUp()).as("Cin7 got slower: 8.1 s on average after two calls").isEqualTo(10);
        assertThat(Cin7RateLimiter.create(RateLimits.unlimited(), CallBudget.unlimited(), clock).requestsInFlightToKeepUp())
                .as("no limit to keep up with").isEqualTo(Integer.MAX_VALUE);
        Cin7RateLimiter instant = Cin7RateLimiter.create(RateLimits.defaults().withMargin(Duration.ZERO), CallBudget.unlimited(), clock);
        answeredAfter(instant, clock, Duration.ZERO);
        assertThat(instant.requestsInFlightToKeepUp()).as("answered at once: the one being prepared").isEqualTo(1);
        answeredAfter(instant, clock, Duration.ofSeconds(1));
        assertThat(instant.requestsInFlightToKeepUp()).as("0.5 s on average now, an answer in no time counted too").isEqualTo(3);
    }

    @Test
    void anUnlimitedLimiterIsNeverSlowed() {
        Cin7RateLimiter limiter = Cin7RateLimiter.create(RateLimits.unlimited(), CallBudget.unlimited(), new FakeClock(T0));
        limiter.refused();
        assertThat(limiter.refusals()).isZero();
        assertThat(limiter.slowedTime()).isZero();
        for (int i = 0; i < 100; i++) {
            Cin7RateLimiter.Reservation call = limiter.reserve();
            assertThat(call.waitTime()).isZero();
            assertThat(limiter.recheck(call)).isZero();
        }
    }

    @Test
    void spentBudgetSendsNothing() {
        FakeClock clock = new FakeClock(T0);
        Cin7RateLimiter limiter = Cin7RateLimiter.create(RateLimits.unlimited(), CallBudget.perUtcDay(2), clock);
        limiter.reserve();
        limiter.reserve();
        assertThatThrownBy(limiter::reserve).isInstanceOf(CallBudgetExhaustedException.class)
                .hasMessageContaining("no request was sent");
        assertThat(limiter.budget().remaining(clock.instant())).isZero();
        clock.set(Instant.parse("2026-11-28T00:00:00Z"));
        assertThat(limiter.budget().remaining(clock.instant())).isEqualTo(2);
        limiter.reserve();
    }

    @Test
    void limitsAreValidated() {
        assertThatThrownBy(() -> RateLimits.of(0, 60)).hasMessageContaining("rateLimits.perSecond");
        assertThatThrownBy(() -> RateLimits.of(3, 0)).hasMessageContaining("rateLimits.perMinute");
        assertThatThrownBy(() -> CallBudget.perUtcDay(-1)).hasMessageContaining("callBudget.callsPerDay");
        assertThatThrownBy(() -> RateLimits.defaults().withCountedWithin(Duration.ofSeconds(6)))
                .hasMessage("rateLimits.countedWithin must be between 0 and 5 s, was PT6S");
        assertThatThrownBy(() -> RateLimits.defaults().withCountedWithin(Duration.ofMillis(-1))).hasMessageContaining("countedWithin");
        assertThat(RateLimits.defaults().countedWithin()).isEqualTo(Duration.ofSeconds(1));
    }

    /**
     * Four requests in flight at once, replies taking anywhere from nothing to three seconds, on
     * an event loop over a fake clock: however late within its allowance (or its reply) Cin7
     * counted each call, no window ever holds more calls than the limit.
     */
    @Test
    void callsInFlightAndSlowRepliesNeverCrowdAWindowWhereverCin7CountedThem() {
        long[][] sentAndCounted = simulate(0);
        assertNoWindowCrowded(sentAndCounted[0], sentAndCounted[1]);
        long spanMillis = sentAndCounted[0][sentAndCounted[0].length - 1] - sentAndCounted[0][0];
        assertThat(spanMillis).as("and still about the minute's pace: 400 calls in under 7 minutes").isLessThan(7 * 60_000L);
    }

    /**
     * The same with a busy host: a third of the calls come to their slot up to 1.5 s late. Calls
     * reserved after a late one were spaced from where its slot was, so it seeks its place again.
     */
    @Test
    void aCallComingLateToItsSlotNeverCrowdsTheCallsReservedAfterIt() {
        long[][] sentAndCounted = simulate(1_500);
        assertNoWindowCrowded(sentAndCounted[0], sentAndCounted[1]);
    }

    @Test
    void aCallComingLateToItsSlotGoesAtOnceWhenTheWindowsStillHaveRoom() {
        FakeClock clock = new FakeClock(T0);
        Cin7RateLimiter limiter = Cin7RateLimiter.create(RateLimits.of(2, 60).withMargin(Duration.ZERO), CallBudget.unlimited(), clock);
        Cin7RateLimiter.Reservation late = limiter.reserve();
        clock.advance(Duration.ofMillis(700));
        assertThat(limiter.recheck(late)).as("late, and nothing else reserved").isZero();
        limiter.sending(late);
        limiter.reserve();
        assertThat(limiter.reserve().waitTime()).as("spaced from when it went, at 700 ms: at 2.7 s, a second after its latest count")
                .isEqualTo(Duration.ofMillis(2_000));
    }

    @Test
    void theFirstCallToComeToAFreeSlotTakesItAndACallReservedBeforeItsTurnWaits() {
        FakeClock clock = new FakeClock(T0);
        Cin7RateLimiter limiter = Cin7RateLimiter.create(RateLimits.of(2, 60).withMargin(Duration.ZERO), CallBudget.unlimited(), clock);
        Cin7RateLimiter.Reservation first = limiter.reserve();
        Cin7RateLimiter.Reservation late = limiter.reserve();
        limiter.sending(first);
        clock.advance(Duration.ofMillis(100));
        limiter.completed(first); // counted by 100 ms; the late call's slot counts up to 1 s
        Cin7RateLimiter.Reservation third = limiter.reserve();
        Cin7RateLimiter.Reservation fourth = limiter.reserve();
        assertThat(third.waitTime()).as("a second after the first's answer").isEqualTo(Duration.ofMillis(1_000));
        assertThat(fourth.waitTime()).as("a second after the late call's slot, counted within 1 s").isEqualTo(Duration.ofMillis(1_900));

        clock.advance(Duration.ofMillis(1_100)); // a busy host: the third and the late call come to their slots at 1.2 s
        assertThat(limiter.recheck(third)).isZero();
        assertThat(limiter.recheck(late)).as("two in the second, the first's long gone").isZero();
        clock.advance(Duration.ofMillis(800));
        assertThat(limiter.recheck(fourth)).as("at its slot, 2 s, the window holds the third and the late call, counted by 2.2 s:"
                + " a second after that").isEqualTo(Duration.ofMillis(1_200));
    }

    /**
     * Runs 400 calls through a limiter at 3/s and 60/min, four in flight at once, on an event
     * loop over a fake clock; a third of them come to their slot up to {@code maxLateMillis}
     * late, rechecking it then. Returns when each was sent, and the latest Cin7 may have
     * counted it (its reply, or 800 ms after its send).
     */
    private static long[][] simulate(int maxLateMillis) {
        FakeClock clock = new FakeClock(T0);
        long within = 800;
        Cin7RateLimiter limiter = Cin7RateLimiter.create(RateLimits.of(3, 60).withMargin(Duration.ZERO)
                .withCountedWithin(Duration.ofMillis(within)), CallBudget.unlimited(), clock);
        java.util.Random random = new java.util.Random(42);
        int calls = 400;
        long[] sent = new long[calls];
        long[] latestCount = new long[calls];
        Cin7RateLimiter.Reservation[] reservations = new Cin7RateLimiter.Reservation[calls];
        // events: {time, 0 = its slot / 1 = it comes to its slot / 2 = reply, call}
        java.util.PriorityQueue<long[]> events = new java.util.PriorityQueue<>(java.util.Comparator.comparingLong((long[] e) -> e[0]));
        int reserved = 0;
        int inFlight = 0;
        while (reserved < calls || !events.isEmpty()) {
            if (inFlight < 4 && reserved < calls) {
                reservations[reserved] = limiter.reserve();
                events.add(new long[] {clock.millis() + reservations[reserved].waitTime().toMillis(), 0, reserved});
                reserved++;
                inFlight++;
                continue;
            }
            long[] event = events.poll();
            clock.set(Instant.ofEpochMilli(event[0]));
            int call = (int) event[2];
            if (event[1] == 0) {
                long late = maxLateMillis > 0 && random.nextInt(3) == 0 ? random.nextInt(maxLateMillis) : 0;
                events.add(new long[] {clock.millis() + late, 1, call});
            } else if (event[1] == 1) {
                Duration more = limiter.recheck(reservations[call]);
                if (!more.isZero()) {
                    events.add(new long[] {clock.millis() + more.toMillis(), 1, call});
                    continue;
                }
                limiter.sending(reservations[call]);
                sent[call] = clock.millis();
                events.add(new long[] {clock.millis() + random.nextInt(3_000), 2, call});
            } else {
                limiter.completed(reservations[call]);
                latestCount[call] = Math.min(clock.millis(), sent[call] + within);
                inFlight--;
            }
        }
        return new long[][] {sent, latestCount};
    }

    /** Counted at its earliest, its send: how many others may Cin7 have counted in the second and the minute before each call? */
    private static void assertNoWindowCrowded(long[] sent, long[] latestCount) {
        for (int j = 0; j < sent.length; j++) {
            int perSecond = 0;
            int perMinute = 0;
            for (int i = 0; i < sent.length; i++) {
                if (i != j && sent[i] <= sent[j]) {
                    perSecond += latestCount[i] > sent[j] - 1_000 ? 1 : 0;
                    perMinute += latestCount[i] > sent[j] - 60_000 ? 1 : 0;
                }
            }
            assertThat(perSecond).as("call %d: others in its second", j).isLessThanOrEqualTo(2);
            assertThat(perMinute).as("call %d: others in its minute", j).isLessThanOrEqualTo(59);
        }
    }

    private static void assertWindowsRespected(List<Long> sortedTimes, int limit, long windowMillis) {
        for (int i = limit; i < sortedTimes.size(); i++) {
            assertThat(sortedTimes.get(i) - sortedTimes.get(i - limit))
                    .as("call %d vs call %d", i, i - limit)
                    .isGreaterThanOrEqualTo(windowMillis);
        }
    }
}
