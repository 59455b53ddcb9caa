package io.moselle.mapping;

import java.util.Comparator;
import java.util.Objects;

/**
 * The key of per-SKU, per-warehouse records, ordered by SKU then warehouse.
 *
 * @param sku the SKU
 * @param warehouse the warehouse key
 */
public record SkuWarehouse(String sku, String warehouse) implements Comparable<SkuWarehouse> {
    private static final Comparator<SkuWarehouse> ORDER =
            Comparator.comparing(SkuWarehouse::sku).thenComparing(SkuWarehouse::warehouse);

    /** A key; both parts are required. */
    public SkuWarehouse {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(warehouse, "warehouse");
    }

    @Override
    public int compareTo(SkuWarehouse o) {
        return ORDER.compare(this, o);
    }
}
