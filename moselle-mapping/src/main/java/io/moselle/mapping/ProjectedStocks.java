package io.moselle.mapping;

import java.math.BigDecimal;
import java.util.List;

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
        StockTotals totals = new StockTotals();
        for (InventoryLevel level : levels) {
            totals.add(level.key(), level.available(), BigDecimal.ZERO, BigDecimal.ZERO);
        }
        for (ReplenishmentOrder order : orders) {
            if (order.status() != ReplenishmentStatus.ACTIVE) {
                continue;
            }
            boolean purchase = order.type() == ReplenishmentType.PURCHASE;
            for (ReplenishmentLine line : order.lines()) {
                totals.add(new SkuWarehouse(line.sku(), order.destinationWarehouse()), BigDecimal.ZERO,
                        purchase ? line.quantity() : BigDecimal.ZERO, purchase ? BigDecimal.ZERO : line.quantity());
            }
        }
        return totals.rows((key, available, inboundPurchase, inboundTransfer) -> ProjectedStock.builder()
                .sku(key.sku()).warehouse(key.warehouse())
                .available(available).inboundPurchase(inboundPurchase).inboundTransfer(inboundTransfer)
                .projected(available.add(inboundPurchase).add(inboundTransfer))
                .build());
    }
}
