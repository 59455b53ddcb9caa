package io.moselle.sync;

import io.moselle.mapping.InventoryLevel;
import io.moselle.mapping.Product;
import io.moselle.mapping.ReplenishmentOrder;
import io.moselle.mapping.SalesOrder;
import io.moselle.mapping.SkuWarehouse;
import io.moselle.mapping.Warehouse;
import java.util.List;
import java.util.function.Function;

/**
 * A Moselle record type a sink receives, with the Java types of its records and of their keys:
 * a typed token, so that {@link SyncBatch#as(RecordType)} hands a sink its records and keys
 * without casts. The five constants are the only instances; compare them with {@code ==}.
 *
 * @param <R> the record type
 * @param <K> the key type
 */
public final class RecordType<R, K> {
    /** {@link Warehouse}, keyed by {@code key}. */
    public static final RecordType<Warehouse, String> WAREHOUSE =
            new RecordType<>("WAREHOUSE", Warehouse.class, String.class, Warehouse::key);
    /** {@link Product}, keyed by {@code sku}. */
    public static final RecordType<Product, String> PRODUCT =
            new RecordType<>("PRODUCT", Product.class, String.class, Product::sku);
    /** {@link SalesOrder}, keyed by {@code externalId}. */
    public static final RecordType<SalesOrder, Long> SALES_ORDER =
            new RecordType<>("SALES_ORDER", SalesOrder.class, Long.class, SalesOrder::externalId);
    /** {@link ReplenishmentOrder}, keyed by ({@code type}, {@code externalId}). */
    public static final RecordType<ReplenishmentOrder, ReplenishmentOrder.Key> REPLENISHMENT_ORDER =
            new RecordType<>("REPLENISHMENT_ORDER", ReplenishmentOrder.class, ReplenishmentOrder.Key.class, ReplenishmentOrder::key);
    /** {@link InventoryLevel}, keyed by ({@code sku}, {@code warehouse}). */
    public static final RecordType<InventoryLevel, SkuWarehouse> INVENTORY_LEVEL =
            new RecordType<>("INVENTORY_LEVEL", InventoryLevel.class, SkuWarehouse.class, InventoryLevel::key);

    private static final List<RecordType<?, ?>> VALUES = List.of(WAREHOUSE, PRODUCT, SALES_ORDER, REPLENISHMENT_ORDER, INVENTORY_LEVEL);

    private final String name;
    private final Class<R> recordClass;
    private final Class<K> keyClass;
    private final Function<R, K> key;

    private RecordType(String name, Class<R> recordClass, Class<K> keyClass, Function<R, K> key) {
        this.name = name;
        this.recordClass = recordClass;
        this.keyClass = keyClass;
        this.key = key;
    }

    /** Every record type. */
    public static List<RecordType<?, ?>> values() {
        return VALUES;
    }

    /** The constant's name, e.g. {@code SALES_ORDER}. */
    public String name() {
        return name;
    }

    /** The Java type of the records. */
    public Class<R> recordClass() {
        return recordClass;
    }

    /** The Java type of the records' keys. */
    public Class<K> keyClass() {
        return keyClass;
    }

    /** The key of {@code record}: what upserts replace by and retractions name. */
    public K keyOf(R record) {
        return key.apply(record);
    }

    /** @throws IllegalArgumentException naming both types unless {@code expected} is this one */
    void require(RecordType<?, ?> expected, String what) {
        if (expected != this) {
            throw new IllegalArgumentException("a " + this + " " + what + ", not a " + expected + " " + what);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
