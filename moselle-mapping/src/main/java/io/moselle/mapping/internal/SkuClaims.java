package io.moselle.mapping.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which product option holds each SKU so far in one product snapshot: the lowest option id
 * wins. Products arrive page by page, so this is carried from one page to the next. Not
 * thread-safe: one per snapshot.
 */
public final class SkuClaims {
    private final Map<String, Long> owners = new HashMap<>();

    /** The option currently holding {@code sku}, or null. */
    public Long owner(String sku) {
        return owners.get(sku);
    }

    public void claim(String sku, long optionId) {
        owners.put(sku, optionId);
    }

    /** The SKUs seen so far. */
    public Set<String> skus() {
        return Set.copyOf(owners.keySet());
    }

    public boolean contains(String sku) {
        return owners.containsKey(sku);
    }

    public int size() {
        return owners.size();
    }
}
