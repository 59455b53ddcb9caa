package io.moselle.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moselle.mapping.Product;
import io.moselle.sync.RecordType;
import io.moselle.sync.Snapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SinksTest {
    @TempDir
    Path dir;

    static Product product(String sku) {
        return Product.builder().sku(sku).name("Tee").active(true).build();
    }

    @Test
    void aProductGoneFromTheSnapshotStaysInactiveWithItsFields() {
        InMemorySink sink = new InMemorySink();
        InMemorySink.State s = sink.state("t");
        s.products.put("A", product("A"));
        s.products.put("B", product("B"));
        sink.productsComplete(Snapshot.of("t", RecordType.PRODUCT, Set.of("A")));
        assertThat(s.products.get("A").active()).isTrue();
        assertThat(s.products.get("B").active()).isFalse();
        assertThat(s.products.get("B").name()).isEqualTo("Tee");
    }

    @Test
    void aCorruptFileIsReportedWithItsLine() throws Exception {
        Files.writeString(dir.resolve("products.jsonl"), "{\"sku\":\"A\",\"active\":true}\n{\"sku\":\n");
        assertThatThrownBy(() -> FileSink.readFrom(dir)).hasMessageContaining("products.jsonl line 2");
    }
}
