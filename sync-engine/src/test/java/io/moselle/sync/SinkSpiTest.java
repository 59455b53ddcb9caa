package io.moselle.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moselle.cin7.client.CallBudget;
import io.moselle.cin7.client.Cin7Client;
import io.moselle.cin7.client.RateLimits;
import io.moselle.mapping.Product;
import io.moselle.mapping.Reason;
import io.moselle.sync.spi.InMemoryCheckpointStore;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a host sees of the engine: typed batches and snapshots, and client options that cannot replace its pacing. */
class SinkSpiTest {
    static final Product TEE = Product.builder().sku("TEE-S").name("Tee").active(true).build();

    @Test
    void aBatchIsReadWithItsRealTypesAndRefusesAnother() {
        SyncBatch<?, ?> batch = SyncBatch.of("acme", SyncStream.PRODUCTS, RecordType.PRODUCT, List.of(TEE),
                List.of(new Retraction<>("GONE", Reason.VOIDED)));

        SyncBatch<Product, String> products = batch.as(RecordType.PRODUCT);
        String sku = products.upserts().get(0).sku();
        String retracted = products.retractions().get(0).key();
        assertThat(sku).isEqualTo(RecordType.PRODUCT.keyOf(TEE)).isEqualTo("TEE-S");
        assertThat(retracted).isEqualTo("GONE");
        assertThatThrownBy(() -> batch.as(RecordType.SALES_ORDER)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a PRODUCT batch, not a SALES_ORDER batch");
    }

    @Test
    void aSnapshotIsReadWithItsKeyTypeAndRefusesAnother() {
        Snapshot<?, ?> snapshot = Snapshot.of("acme", RecordType.INVENTORY_LEVEL, Set.of(new io.moselle.mapping.SkuWarehouse("A", "1")));
        assertThat(snapshot.as(RecordType.INVENTORY_LEVEL).keys()).extracting(k -> k.warehouse()).containsExactly("1");
        assertThatThrownBy(() -> snapshot.as(RecordType.PRODUCT)).hasMessage("a INVENTORY_LEVEL snapshot, not a PRODUCT snapshot");
    }

    @Test
    void recordTypesKeyTheirRecordsAsTheReadmeSays() {
        assertThat(RecordType.values()).extracting(RecordType::name)
                .containsExactly("WAREHOUSE", "PRODUCT", "SALES_ORDER", "REPLENISHMENT_ORDER", "INVENTORY_LEVEL");
        assertThat(RecordType.values()).extracting(t -> t.keyClass().getSimpleName())
                .containsExactly("String", "String", "Long", "Key", "SkuWarehouse");
    }

    @Test
    void clientOptionsThatBringTheirOwnPacingAreRefusedAtBuild() {
        assertThatThrownBy(() -> SyncEngine.builder().sink(new RecordingSink()).checkpointStore(new InMemoryCheckpointStore())
                        .clientOptions(options -> ((Cin7Client.Builder) options).rateLimits(RateLimits.unlimited())
                                .callBudget(CallBudget.unlimited()))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clientOptions")
                .hasMessageContaining("rateLimiter conflicts with rateLimits")
                .hasMessageContaining("rateLimiter conflicts with callBudget");
        assertThatThrownBy(() -> SyncEngine.builder().sink(new RecordingSink()).checkpointStore(new InMemoryCheckpointStore())
                        .clientOptions(options -> options.baseUri("http://example.com/api/")).build())
                .hasMessageContaining("clientOptions").hasMessageContaining("https");
    }
}
