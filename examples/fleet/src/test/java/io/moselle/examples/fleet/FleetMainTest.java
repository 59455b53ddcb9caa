package io.moselle.examples.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FleetMainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int fleet(String... args) {
        return FleetMain.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aFleetOfWorkersSyncsEveryTenantOnceAndSurvivesAWorkerKilled() {
        assertThat(fleet("run", "--workers", "2", "--tenants", "6", "--kill-one")).as(err()).isZero();
        assertThat(out()).contains("Fleet: 2 workers, 6 tenants, PostgreSQL embedded")
                .contains("killed worker-1").contains("6 of 6 tenants synced");
        String summary = out().lines().filter(l -> l.startsWith("Every tenant synced once")).findFirst().orElseThrow();
        assertThat(summary).as("each tenant by one worker").doesNotContain(",worker");
        int synced = Pattern.compile("worker-\\d=(\\d+)").matcher(summary).results().mapToInt(m -> Integer.parseInt(m.group(1))).sum();
        assertThat(synced).isEqualTo(6);
    }

    @Test
    void aBadCommandLineSaysWhatIsWrongAndExitsWithTwo() {
        assertThat(fleet("run", "--workers", "0")).isEqualTo(2);
        assertThat(err()).contains("--workers must be a whole number from 1 to 16, was 0").contains("Usage:");
        assertThat(fleet("worker")).isEqualTo(2);
        assertThat(err()).contains("--jdbc-url is required");
        assertThat(fleet()).isEqualTo(2);
    }
}
