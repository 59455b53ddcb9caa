package io.moselle.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moselle.sync.spi.CallBudgets;
import io.moselle.sync.spi.Checkpoint;
import io.moselle.sync.spi.CheckpointKey;
import io.moselle.sync.spi.Slice;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The text forms a host's checkpoint store keeps: keys and checkpoints, read back as written, bad text named. */
class CheckpointFormsTest {
    private static final Window WINDOW = new Window(Instant.parse("2026-08-29T06:00:00Z"), Instant.parse("2026-11-27T06:00:00Z"));

    @ParameterizedTest
    @EnumSource(value = SyncStream.class, names = {"SALES_ORDERS", "PURCHASE_ORDERS", "BRANCH_TRANSFERS"})
    void aKeyIsReadBackFromItsName(SyncStream stream) {
        for (CheckpointKey key : new CheckpointKey[] {CheckpointKey.daily(stream), CheckpointKey.resync(stream)}) {
            assertThat(CheckpointKey.parse(key.name())).isEqualTo(key);
        }
        assertThat(CheckpointKey.resync(stream).name()).isEqualTo(stream.name() + ":resync");
        assertThat(CheckpointKey.daily(stream).name()).isEqualTo(stream.name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"STOCK", "PRODUCTS:resync", "SALES", "", ":resync"})
    void textThatIsNoKeyIsRefusedNamingIt(String text) {
        assertThatThrownBy(() -> CheckpointKey.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + text + "\"");
    }

    @Test
    void aStreamReadWholeHasNoCheckpoint() {
        assertThatThrownBy(() -> CheckpointKey.daily(SyncStream.STOCK)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("STOCK");
    }

    @Test
    void aCheckpointIsReadBackFromItsJson() {
        Checkpoint checkpoint = new Checkpoint(WINDOW, java.util.List.of(new io.moselle.sync.spi.Slice(WINDOW, 750)));
        assertThat(Checkpoint.fromJson(checkpoint.toJson())).isEqualTo(checkpoint);
        assertThat(Checkpoint.fromJson(Checkpoint.initial().toJson())).isEqualTo(Checkpoint.initial());
        assertThatThrownBy(() -> Checkpoint.fromJson("{\"window\": 7")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not JSON");
    }

    @Test
    void partsCutByIdAreReadBackWithTheirHighestIdAndSlicesWithoutOneAsUnbounded() {
        Checkpoint parts = new Checkpoint(WINDOW, java.util.List.of(new Slice(WINDOW, 9_000), new Slice(WINDOW, 500, 9_000)));
        String json = parts.toJson();

        assertThat(Checkpoint.fromJson(json)).isEqualTo(parts);
        assertThat(json).contains("\"highestId\":9000").containsOnlyOnce("highestId");
        String before = "{\"window\":{\"from\":\"2026-08-29T06:00:00Z\",\"to\":\"2026-11-27T06:00:00Z\"},"
                + "\"pending\":[{\"from\":\"2026-08-29T06:00:00Z\",\"to\":\"2026-11-27T06:00:00Z\",\"lastId\":750}]}";
        assertThat(Checkpoint.fromJson(before).pending()).containsExactly(new Slice(WINDOW, 750, Slice.UNBOUNDED));
        assertThatThrownBy(() -> Checkpoint.fromJson(before.replace("750}", "750,\"highestId\":700}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pending[0].highestId 700 is below its lastId 750");
        assertThatThrownBy(() -> Checkpoint.fromJson(before.replace("750}", "750,\"highestId\":\"x\"}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pending[0].highestId is not an id");
    }

    @Test
    void aDailyBudgetIsOnePerConnectionAndANegativeOneIsRefusedWhenConfigured() {
        assertThatThrownBy(() -> CallBudgets.perUtcDay(-1)).isInstanceOf(IllegalArgumentException.class);
        CallBudgets budgets = CallBudgets.perUtcDay(5);
        Instant now = Instant.parse("2026-11-27T06:00:00Z");
        assertThat(budgets.forConnection("acme").tryAcquire(now)).isTrue();
        assertThat(budgets.forConnection("acme").remaining(now)).as("one budget per connection, whoever asks").isEqualTo(4);
        assertThat(budgets.forConnection("bolt").remaining(now)).isEqualTo(5);
    }
}
