package io.moselle.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.moselle.cin7.simulator.JournalEntry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SendLogTest {
    private static final Map<String, String> PAGE_1 = Map.of("rows", "250", "page", "1");
    private static final Map<String, String> PAGE_2 = Map.of("rows", "250", "page", "2");

    @Test
    void eachArrivalIsPairedWithTheSendOfTheSameRequestInOrderAcrossTheJvms() {
        SendLog sends = new SendLog();
        sends.sent(SendLog.key("a", "v1/Branches", PAGE_1), 1_000);
        sends.sent(SendLog.key("a", "v1/Branches", PAGE_2), 1_100);
        sends.sent(SendLog.key("a", "v1/Branches", PAGE_1), 3_000); // a retry of the first
        sends.sent(SendLog.key("b", "v1/Branches", PAGE_1), 1_000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sends.write(new PrintStream(out, true, StandardCharsets.UTF_8));
        List<String> lines = new java.util.ArrayList<>(out.toString(StandardCharsets.UTF_8).lines().toList());
        lines.add("round\tsomething else");

        long[] delays = SendLog.read(lines).toArrival(List.of(
                arrival("a", PAGE_1, 1_400), arrival("b", PAGE_1, 1_050), arrival("a", PAGE_2, 2_600),
                arrival("a", PAGE_1, 3_010), arrival("c", PAGE_1, 5_000)));

        assertThat(delays).containsExactly(10, 50, 400, 1_500);
    }

    private static JournalEntry arrival(String user, Map<String, String> query, long atMillis) {
        return new JournalEntry("GET", "v1/Branches", query, 200, user, null, Instant.ofEpochMilli(atMillis), Duration.ZERO, "", 0);
    }
}
