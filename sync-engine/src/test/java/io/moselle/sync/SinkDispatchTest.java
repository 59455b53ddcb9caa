package io.moselle.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.moselle.mapping.SkuWarehouse;
import io.moselle.sync.spi.MoselleSink;
import io.moselle.sync.spi.TransactionalSink;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each batch and snapshot end reaches the sink method of its record type, and a transactional sink gets its connection. */
class SinkDispatchTest {
    private final List<String> calls = new ArrayList<>();

    private static SyncBatch<?, ?> batch(RecordType<?, ?> type) {
        return SyncBatch.of("acme", SyncStream.PRODUCTS, type, List.of(), List.of());
    }

    private MoselleSink recording() {
        return (MoselleSink) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {MoselleSink.class}, (proxy, method, args) -> {
            if (method.isDefault()) {
                return java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
            }
            Object what = args[0];
            calls.add(method.getName() + " " + (what instanceof SyncBatch<?, ?> b ? b.type() : ((Snapshot<?, ?>) what).type()));
            return null;
        });
    }

    @Test
    void everyRecordTypeReachesItsOwnMethod() throws Exception {
        MoselleSink sink = recording();
        for (RecordType<?, ?> type : RecordType.values()) {
            sink.accept(batch(type));
        }
        sink.accept(Snapshot.of("acme", RecordType.WAREHOUSE, Set.of("1")));
        sink.accept(Snapshot.of("acme", RecordType.PRODUCT, Set.of("A")));
        sink.accept(Snapshot.of("acme", RecordType.INVENTORY_LEVEL, Set.of(new SkuWarehouse("A", "1"))));

        assertThat(calls).containsExactly("writeWarehouses WAREHOUSE", "writeProducts PRODUCT", "writeSalesOrders SALES_ORDER",
                "writeReplenishmentOrders REPLENISHMENT_ORDER", "writeInventoryLevels INVENTORY_LEVEL",
                "warehousesComplete WAREHOUSE", "productsComplete PRODUCT", "inventoryLevelsComplete INVENTORY_LEVEL");
    }

    @Test
    void aTransactionalSinkIsCalledWithTheEnginesConnection() throws Exception {
        Connection connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> null);
        List<Object> connections = new ArrayList<>();
        TransactionalSink sink = (TransactionalSink) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {TransactionalSink.class}, (proxy, method, args) -> {
                    if (method.isDefault()) {
                        return java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
                    }
                    connections.add(args[0]);
                    calls.add(method.getName());
                    return null;
                });
        for (RecordType<?, ?> type : RecordType.values()) {
            sink.on(connection).accept(batch(type));
        }
        sink.on(connection).accept(Snapshot.of("acme", RecordType.PRODUCT, Set.of("A")));

        assertThat(calls).containsExactly("writeWarehouses", "writeProducts", "writeSalesOrders", "writeReplenishmentOrders",
                "writeInventoryLevels", "productsComplete");
        assertThat(connections).hasSize(6).allSatisfy(c -> assertThat(c).isSameAs(connection));
    }
}
