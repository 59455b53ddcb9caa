package io.moselle.examples.cli;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The command line in a child JVM that stops dead, as {@code kill -9} would (no shutdown hook,
 * no buffer flushed), the n-th time it reaches a crash point: {@code STEP N args...}, or
 * {@code NONE 0 args...} to run undisturbed (the test then kills or signals it from outside).
 */
final class CrashingCli {
    /** The exit status of a process stopped dead here, as a shell reports {@code kill -9}. */
    static final int HALTED = 137;

    private CrashingCli() {}

    public static void main(String[] args) {
        CrashPoints.Step step = args[0].equals("NONE") ? null : CrashPoints.Step.valueOf(args[0]);
        int n = Integer.parseInt(args[1]);
        AtomicInteger seen = new AtomicInteger();
        CrashPoints crash = reached -> {
            if (reached == step && seen.incrementAndGet() == n) {
                Runtime.getRuntime().halt(HALTED);
            }
        };
        System.exit(new Cli(System.getenv(), System.out, System.err, crash).execute(Arrays.copyOfRange(args, 2, args.length)));
    }
}
