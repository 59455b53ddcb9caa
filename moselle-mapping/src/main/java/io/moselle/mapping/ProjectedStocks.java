package io.moselle.mapping;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Projected stock: available stock plus what is on its way. Pure.
 *
 * <p>{@code inboundPurchase} and {@code inboundTransfer} sum the line quantities of
 * {@link ReplenishmentStatus#ACTIVE ACTIVE} orders into each warehouse; draft, delivered and
 * archived orders do not count. The source system's own "incoming" figure is never added: it
 * already counts open purchase orders, so adding it would count them twice.
 */
public final class ProjectedStocks {
    private ProjectedStocks() {}

    /**
     * One row per (sku, warehouse) with an inventory level or inbound stock, ordered by key. A
     * pair with inbound stock but no inventory level has {@code available} 0.
     */
    public static List<ProjectedStock> compute(Iterable<InventoryLevel> levels, Iterable<ReplenishmentOrder> orders) {
        Map<SkuWarehouse, BigDecimal[]> sums = new TreeMap<>();
        for (InventoryLevel level : levels) {
            sums.computeIfAbsent(level.key(), k -> zeros())[0] = sums.get(level.key())[0].add(level.available());
        }
        for (ReplenishmentOrder order : orders) {
            if (order.status() != ReplenishmentStatus.ACTIVE) {
                continue;
            }
            int slot = order.type() == ReplenishmentType.PURCHASE ? 1 : 2;
            for (ReplenishmentLine line : order.lines()) {
                BigDecimal[] row = sums.computeIfAbsent(new SkuWarehouse(line.sku(), order.destinationWarehouse()), k -> zeros());
                row[slot] = row[slot].add(line.quantity());
            }
        }
        List<ProjectedStock> out = new ArrayList<>(sums.size());
        sums.forEach((key, s) -> out.add(ProjectedStock.builder()
                .sku(key.sku()).warehouse(key.warehouse())
                .available(s[0]).inboundPurchase(s[1]).inboundTransfer(s[2])
                .projected(s[0].add(s[1]).add(s[2]))
                .build()));
        return out;
    }

    private static BigDecimal[] zeros() {
        return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
    }
}
