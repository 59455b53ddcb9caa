package io.moselle.mapping.cin7;

import io.moselle.cin7.client.model.Branch;
import io.moselle.cin7.client.model.SalesOrder;
import io.moselle.cin7.client.model.SalesOrderLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Small Cin7 records for table tests: branches 1-3 active, 4 inactive. */
final class Fixtures {
    static final Instant CREATED = Instant.parse("2026-10-01T09:30:00Z");
    static final Instant DISPATCHED = Instant.parse("2026-10-02T10:00:00Z");
    static final Instant INVOICED = Instant.parse("2026-10-03T11:00:00Z");

    private Fixtures() {}

    static List<Branch> branches() {
        return List.of(
                Branch.builder().id(1).company("Auckland Warehouse").isActive(true).build(),
                Branch.builder().id(2).company("Wellington Store").isActive(true).build(),
                Branch.builder().id(3).company("Christchurch DC").isActive(true).build(),
                Branch.builder().id(4).company("Closed Store").isActive(false).build());
    }

    static WarehouseDirectory directory(Cin7Settings settings) {
        return WarehouseDirectory.of(branches(), settings);
    }

    static SalesOrderLine line(String code, String qty) {
        return SalesOrderLine.builder().code(code).qty(qty == null ? null : new BigDecimal(qty))
                .unitPrice(new BigDecimal("10.00")).discount(BigDecimal.ZERO).build();
    }

    /** A dispatched, approved order at branch 1 from the web store, with one line. */
    static SalesOrder.Builder order() {
        SalesOrder.Builder b = SalesOrder.builder();
        b.id(100).reference(" SO-100 ").createdDate(CREATED).dispatchedDate(DISPATCHED).status(io.moselle.cin7.client.model.OrderStatus.APPROVED)
                .stage("Dispatched").isVoid(false).isApproved(true).source("Web Store").branchId(1L).currencyCode("NZD")
                .addLineItems(line("SKU-1", "2"));
        return b;
    }
}
