package io.moselle.mapping.cin7;

import io.moselle.cin7.client.model.OrderStatus;
import io.moselle.cin7.client.model.SalesOrder;
import io.moselle.cin7.client.model.SalesOrderLine;
import io.moselle.mapping.Outcome;
import io.moselle.mapping.Reason;
import io.moselle.mapping.internal.Numbers;
import io.moselle.mapping.internal.Text;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cin7 sales orders to Moselle sales history: only dispatched orders count.
 *
 * <p>The first reason that applies retracts the order: void ({@code isVoid} or status VOID, even
 * when dispatched) {@link Reason#VOIDED}; a source containing an excluded source
 * {@link Reason#EXCLUDED_SOURCE}; a disabled branch {@link Reason#WAREHOUSE_DISABLED}; neither a
 * {@code dispatchedDate} nor a dispatched stage {@link Reason#NOT_DISPATCHED}; no line left
 * {@link Reason#NO_LINES}. An order that qualifies but holds a quantity or an amount no real
 * order has is skipped ({@link Reason#INVALID_NUMBER}, naming the field).
 */
public final class SalesOrderMapping {
    /** The channel of an order whose source is blank when no default channel is set. */
    public static final String FALLBACK_CHANNEL = "Cin7";

    private SalesOrderMapping() {}

    /** What to deliver for one Cin7 sales order: the rules are in this class's documentation. */
    public static Outcome<io.moselle.mapping.SalesOrder> map(SalesOrder order, Cin7Settings settings, WarehouseDirectory warehouses) {
        String id = Long.toString(order.id());
        Long key = order.id();
        if (isVoid(order.isVoid(), order.status())) {
            return Outcome.retract(key, Reason.VOIDED, id);
        }
        if (isExcluded(order.source(), settings.excludedSources())) {
            return Outcome.retract(key, Reason.EXCLUDED_SOURCE, id);
        }
        if (order.branchId() == null) {
            return Outcome.skip(Reason.MISSING_FIELD, id + " branchId");
        }
        long branch = order.branchId();
        if (!warehouses.isEnabled(branch)) {
            return Outcome.retract(key, Reason.WAREHOUSE_DISABLED, id);
        }
        if (order.dispatchedDate() == null && !Text.equalsAnyIgnoreCase(order.stage(), settings.dispatchedStages())) {
            return Outcome.retract(key, Reason.NOT_DISPATCHED, id);
        }
        Instant date = first(order.invoiceDate(), order.dispatchedDate(), order.createdDate());
        if (date == null) {
            return Outcome.skip(Reason.MISSING_FIELD, id + " createdDate");
        }
        Numbers.Check numbers = new Numbers.Check();
        for (int i = 0; i < order.lineItems().size(); i++) {
            SalesOrderLine line = order.lineItems().get(i);
            numbers.number("lineItems[" + i + "].qty", line.qty()).number("lineItems[" + i + "].unitPrice", line.unitPrice())
                    .number("lineItems[" + i + "].discount", line.discount());
        }
        if (numbers.failed() != null) {
            return Outcome.skip(Reason.INVALID_NUMBER, id + " " + numbers.failed());
        }
        LineFilter filter = new LineFilter();
        List<io.moselle.mapping.SalesOrderLine> lines = new ArrayList<>();
        for (SalesOrderLine line : order.lineItems()) {
            String sku = filter.accept(line.code(), line.qty());
            if (sku != null) {
                lines.add(io.moselle.mapping.SalesOrderLine.builder()
                        .sku(sku).quantity(line.qty()).unitPrice(line.unitPrice()).discount(line.discount()).build());
            }
        }
        Outcome<io.moselle.mapping.SalesOrder> outcome = lines.isEmpty()
                ? Outcome.retract(key, Reason.NO_LINES, id)
                : Outcome.upsert(io.moselle.mapping.SalesOrder.builder()
                        .externalId(order.id())
                        .orderNumber(Text.clean(order.reference()))
                        .date(date)
                        .channel(channel(order.source(), settings))
                        .warehouse(warehouses.keyOf(branch))
                        .currency(Text.clean(order.currencyCode()))
                        .lines(lines)
                        .attributes(Attributes.copy(order.customFields(), settings.customFields(RecordSet.SALES_ORDERS)))
                        .build(), id);
        outcome = outcome.withDroppedLines(filter.dropped());
        return warehouses.isKnown(branch) ? outcome : outcome.withNote(Reason.UNKNOWN_BRANCH);
    }

    /** The channel rules: an exact (trimmed, case-insensitive) rule, else the default channel, else the source, else {@code Cin7}. */
    public static String channel(String source, Cin7Settings settings) {
        String s = Text.clean(source);
        if (s != null) {
            for (Map.Entry<String, String> rule : settings.channels().entrySet()) {
                if (rule.getKey().trim().equalsIgnoreCase(s)) {
                    return rule.getValue();
                }
            }
        }
        if (settings.defaultChannel() != null) {
            return settings.defaultChannel();
        }
        return s != null ? s : FALLBACK_CHANNEL;
    }

    static boolean isVoid(Boolean isVoid, OrderStatus status) {
        return Boolean.TRUE.equals(isVoid) || OrderStatus.VOID.equals(status);
    }

    static boolean isExcluded(String source, List<String> excluded) {
        String s = Text.clean(source);
        if (s == null) {
            return false;
        }
        String lower = s.toLowerCase(Locale.ROOT);
        return excluded.stream().anyMatch(e -> lower.contains(e.trim().toLowerCase(Locale.ROOT)));
    }

    @SafeVarargs
    static <T> T first(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
