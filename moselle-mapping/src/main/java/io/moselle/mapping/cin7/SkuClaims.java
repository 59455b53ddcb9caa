package io.moselle.mapping.cin7;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which product option holds each SKU so far in one product snapshot: the lowest option id wins,
 * and the others are skipped as {@code DUPLICATE_SKU}. Products arrive page by page, so one
 * {@code SkuClaims} is handed to {@link ProductMapping#map} for every page of a snapshot. Not
 * thread-safe: one per snapshot.
 */
public final class SkuClaims {
    private final Map<String, Long> owners = new HashMap<>();

    /** No SKU claimed yet: the start of a snapshot. */
    public SkuClaims() {}

    /** The SKUs claimed so far: at the end of a snapshot, every SKU it holds. */
    public Set<String> skus() {
        return Set.copyOf(owners.keySet());
    }

    /** The option holding {@code sku} so far, or null. */
    Long owner(String sku) {
        return owners.get(sku);
    }

    void claim(String sku, long optionId) {
        owners.put(sku, optionId);
    }
}
