package io.moselle.examples.bench;

import io.moselle.cin7.simulator.JournalEntry;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * When each request left the engine, by account, resource and query: with the simulator's
 * journal, which notes when each request reached it, it says how long a request took from the
 * engine's send to the moment Cin7 counts it, which the engine's limiter cannot see. It may be
 * written by the engine's JVM and read by the simulator's. Thread-safe.
 */
final class SendLog {
    private static final String LINE = "sent\t";

    /** The send times of each request, in the order sent. */
    private final Map<String, Queue<Long>> sent = new ConcurrentHashMap<>();

    /** The key of a request, from what the simulator's journal says of it too. */
    static String key(String username, String resource, Map<String, String> query) {
        return username + " " + resource + " " + new TreeMap<>(query);
    }

    void sent(String key, long epochMillis) {
        sent.computeIfAbsent(key, k -> new ConcurrentLinkedQueue<>()).add(epochMillis);
    }

    /**
     * How long after its send each request of {@code journal} reached the simulator, in
     * milliseconds, sorted; a request sent more than once (a retry) is paired in order, and an
     * entry with no send noted is left out.
     */
    long[] toArrival(List<JournalEntry> journal) {
        Map<String, Queue<Long>> unpaired = new HashMap<>();
        sent.forEach((key, times) -> unpaired.put(key, new ArrayDeque<>(times)));
        List<Long> delays = new ArrayList<>();
        for (JournalEntry e : journal) {
            Queue<Long> times = unpaired.get(key(e.username(), e.resource(), e.query()));
            Long sentAt = times == null ? null : times.poll();
            if (sentAt != null) {
                delays.add(e.at().toEpochMilli() - sentAt);
            }
        }
        return delays.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** One line a send, which {@link #read} reads back. */
    void write(PrintStream out) {
        sent.forEach((key, times) -> times.forEach(at -> out.println(LINE + key + "\t" + at)));
    }

    /** The sends in {@code lines}, other lines left out. */
    static SendLog read(List<String> lines) {
        SendLog log = new SendLog();
        for (String line : lines) {
            if (line.startsWith(LINE)) {
                int tab = line.lastIndexOf('\t');
                log.sent(line.substring(LINE.length(), tab), Long.parseLong(line.substring(tab + 1)));
            }
        }
        return log;
    }
}
