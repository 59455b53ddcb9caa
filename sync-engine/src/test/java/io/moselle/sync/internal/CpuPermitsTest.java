package io.moselle.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** At most as many steps of the runs' loops compute at once as there are permits; I/O inside a step holds none. */
class CpuPermitsTest {
    private final List<Thread> threads = new ArrayList<>();

    @Test
    void noMoreStepsRunAtOnceThanThereArePermits() throws Exception {
        CpuPermits cpu = new CpuPermits(2);
        assertAtMostThisManyStepsRunAtOnce(cpu, 2);
        joinAll();
        assertThat(cpu.waiting()).isZero();
    }

    @Test
    void byDefaultThereAreAsManyPermitsAsTheJvmHasCores() throws Exception {
        assertAtMostThisManyStepsRunAtOnce(CpuPermits.ofCores(), Runtime.getRuntime().availableProcessors());
        joinAll();
    }

    @Test
    void aStepWaitingOnIoGivesItsPermitBackMeanwhileAndTakesItBackAfter() throws Exception {
        CpuPermits cpu = new CpuPermits(1);
        Stuck io = new Stuck();
        AtomicBoolean afterIo = new AtomicBoolean();
        start(() -> cpu.run(() -> {
            cpu.outside(io);
            afterIo.set(true);
        }));
        io.waitUntilIn();
        assertAnotherStepRuns(cpu);

        Stuck other = new Stuck();
        start(() -> cpu.run(other));
        other.waitUntilIn();
        io.letGo();
        waitUntil(() -> cpu.waiting() == 1);
        assertThat(afterIo.get()).as("the rest of the step ran while another step held the only permit").isFalse();

        other.letGo();
        joinAll();
        assertThat(afterIo.get()).isTrue();
    }

    @Test
    void theRunsLoopsTakeTheirStepsInTurnWhenTheyShareOnePermit() throws Exception {
        CpuPermits cpu = new CpuPermits(1);
        RunLoop first = new RunLoop(cpu);
        RunLoop second = new RunLoop(cpu);
        Stuck firstStep = new Stuck();
        AtomicBoolean secondRan = new AtomicBoolean();
        first.execute(firstStep);
        second.execute(() -> secondRan.set(true));
        start(first::runNext);
        firstStep.waitUntilIn();
        start(second::runNext);
        waitUntil(() -> cpu.waiting() == 1);
        assertThat(secondRan.get()).as("the second loop's step while the first's computes").isFalse();

        firstStep.letGo();
        joinAll();
        assertThat(secondRan.get()).isTrue();
    }

    @Test
    void aStepGivesItsPermitBackForEachWaitOnIo() throws Exception {
        CpuPermits cpu = new CpuPermits(1);
        whileStuck(io -> cpu.run(() -> {
            cpu.outside(() -> { });
            cpu.outside(io);
        }), () -> assertAnotherStepRuns(cpu));
    }

    @Test
    void aWaitOnIoThatThrowsLeavesItsStepHoldingThePermitAsBefore() throws Exception {
        CpuPermits cpu = new CpuPermits(1);
        whileStuck(io -> cpu.run(() -> {
            assertThatThrownBy(() -> cpu.outside(() -> {
                throw new IllegalStateException("the database is down");
            })).hasMessage("the database is down");
            cpu.outside(io);
        }), () -> assertAnotherStepRuns(cpu));
    }

    @Test
    void aWaitOnIoNestedInAnotherGivesThePermitBackOnce() throws Exception {
        CpuPermits cpu = new CpuPermits(1);
        whileStuck(io -> cpu.run(() -> cpu.outside(() -> cpu.outside(io))), () -> assertAtMostThisManyStepsRunAtOnce(cpu, 1));
    }

    @Test
    void aWaitOnIoAfterAStepThatThrewGivesBackNoPermit() throws Exception {
        CpuPermits cpu = new CpuPermits(1);
        whileStuck(io -> {
            assertThatThrownBy(() -> cpu.run(() -> {
                throw new IllegalStateException("a bad page");
            })).hasMessage("a bad page");
            cpu.outside(io);
        }, () -> assertAtMostThisManyStepsRunAtOnce(cpu, 1));
    }

    /** Starts {@code body} on a thread of its own, checks {@code meanwhile} once it is stuck in its I/O, then lets it end. */
    private void whileStuck(StuckBody body, Body meanwhile) throws InterruptedException {
        Stuck io = new Stuck();
        start(() -> body.run(io));
        io.waitUntilIn();
        meanwhile.run();
        io.letGo();
        joinAll();
    }

    private interface StuckBody {
        void run(Stuck io) throws InterruptedException;
    }

    /** A step, or a wait on I/O, that lasts until let go. */
    private static final class Stuck implements Runnable {
        private final CountDownLatch done = new CountDownLatch(1);
        private final AtomicBoolean inside = new AtomicBoolean();

        @Override
        public void run() {
            inside.set(true);
            await(done);
        }

        void waitUntilIn() throws InterruptedException {
            waitUntil(inside::get);
        }

        void letGo() {
            done.countDown();
        }
    }

    /** A step started now runs: a permit is free. */
    private void assertAnotherStepRuns(CpuPermits cpu) throws InterruptedException {
        AtomicBoolean ran = new AtomicBoolean();
        start(() -> cpu.run(() -> ran.set(true)));
        waitUntil(ran::get);
    }

    /**
     * Starts one step more than {@code permits}, each waiting to be let go: {@code permits} of
     * them run and one waits for a permit; then lets them go and waits until the last has run.
     */
    private void assertAtMostThisManyStepsRunAtOnce(CpuPermits cpu, int permits) throws InterruptedException {
        CountDownLatch finish = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        for (int i = 0; i <= permits; i++) {
            start(() -> cpu.run(() -> {
                running.incrementAndGet();
                await(finish);
            }));
        }
        waitUntil(() -> cpu.waiting() == 1 && running.get() == permits);
        finish.countDown();
        waitUntil(() -> running.get() == permits + 1);
    }

    @Test
    void ioOutsideAnyStepRunsWithoutAPermit() {
        CpuPermits cpu = new CpuPermits(1);
        AtomicBoolean ran = new AtomicBoolean();
        cpu.outside(() -> ran.set(true));
        assertThat(ran.get()).isTrue();
        assertThat(cpu.waiting()).isZero();
    }

    @Test
    void aThreadInterruptedWhileWaitingForAPermitDoesNotRunItsStep() throws Exception {
        CpuPermits cpu = new CpuPermits(1);
        AtomicBoolean ran = new AtomicBoolean();
        AtomicBoolean interrupted = new AtomicBoolean();
        Stuck holder = new Stuck();
        start(() -> cpu.run(holder));
        holder.waitUntilIn();
        Thread waiter = new Thread(() -> {
            try {
                cpu.run(() -> ran.set(true));
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        threads.add(waiter);
        waiter.start();
        waitUntil(() -> cpu.waiting() == 1);
        waiter.interrupt();
        waiter.join(TimeUnit.SECONDS.toMillis(30));
        holder.letGo();
        joinAll();
        assertThat(interrupted.get()).isTrue();
        assertThat(ran.get()).isFalse();
    }

    @Test
    void thereIsAtLeastOnePermit() {
        assertThatThrownBy(() -> new CpuPermits(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was 0");
    }

    private interface Body {
        void run() throws InterruptedException;
    }

    private void start(Body body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    private void joinAll() throws InterruptedException {
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(t.isAlive()).as(t.getName() + " ended").isFalse();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("the condition came true within 30 s").isLessThan(deadline);
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
