package io.moselle.mapping.cin7;

import static org.assertj.core.api.Assertions.assertThat;

import io.moselle.cin7.client.model.Branch;
import io.moselle.cin7.client.model.StockItem;
import io.moselle.mapping.InventoryLevel;
import io.moselle.mapping.Reason;
import io.moselle.mapping.Warehouse;
import io.moselle.mapping.internal.InventoryAccumulator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InventoryAndWarehousesTest {
    static final Instant AS_OF = Instant.parse("2026-11-27T06:00:00Z");

    static StockItem row(long option, long branch, String code, int onHand, int available, int incoming) {
        return StockItem.builder().productId(option / 100).productOptionId(option).branchId(branch).code(code)
                .stockOnHand(BigDecimal.valueOf(onHand)).available(BigDecimal.valueOf(available)).incoming(BigDecimal.valueOf(incoming)).build();
    }

    static InventoryAccumulator accumulate(Cin7Settings s, Set<String> known, StockItem... rows) {
        InventoryAccumulator acc = new InventoryAccumulator(Fixtures.directory(s), known, AS_OF);
        acc.addAll(List.of(rows));
        return acc;
    }

    @Test
    void sumsRowsPerSkuAndMergedWarehouse() {
        Cin7Settings merged = Cin7Settings.builder().branch(1, BranchSetting.mapTo("MAIN")).branch(2, BranchSetting.mapTo("MAIN")).build();
        InventoryAccumulator acc = accumulate(merged, null,
                row(101, 1, "SKU-1", 10, 8, 5),
                row(101, 2, "SKU-1", 4, -2, 0),
                row(102, 1, "SKU-1", 1, 1, 0),   // another option with the same SKU: summed too
                row(101, 3, "SKU-1", 7, 7, 1));
        List<InventoryLevel> levels = acc.levels();
        assertThat(levels).extracting(l -> l.sku() + "@" + l.warehouse() + " " + l.onHand() + "/" + l.available() + "/" + l.incoming())
                .containsExactly("SKU-1@3 7/7/1", "SKU-1@MAIN 15/7/5");
        assertThat(levels).allSatisfy(l -> assertThat(l.asOf()).isEqualTo(AS_OF));
    }

    @Test
    void aRepeatedRowCountsOnceTheLastOne() {
        InventoryAccumulator acc = accumulate(Cin7Settings.defaults(), null,
                row(101, 1, "SKU-1", 10, 10, 0),
                row(101, 1, "SKU-1", 3, 2, 0));
        assertThat(acc.levels()).singleElement().satisfies(l -> {
            assertThat(l.onHand()).isEqualByComparingTo("3");
            assertThat(l.available()).isEqualByComparingTo("2");
        });
        assertThat(acc.tally().count(Reason.DUPLICATE_ROW)).isEqualTo(1);
    }

    @Test
    void skipsAndNotes() {
        InventoryAccumulator acc = accumulate(Cin7Settings.defaults(), Set.of("SKU-1"),
                row(101, 1, "SKU-1", 1, 1, 0),
                row(103, 1, " ", 1, 1, 0),
                row(104, 4, "SKU-1", 1, 1, 0),
                row(105, 1, "SKU-GONE", 2, 2, 0),
                row(106, 99, "SKU-1", 5, 5, 0));
        List<InventoryLevel> levels = acc.levels();
        assertThat(levels).extracting(l -> l.sku() + "@" + l.warehouse()).containsExactly("SKU-1@1", "SKU-1@99", "SKU-GONE@1");
        assertThat(acc.tally().count(Reason.MISSING_SKU)).isEqualTo(1);
        assertThat(acc.tally().count(Reason.WAREHOUSE_DISABLED)).isEqualTo(1);
        assertThat(acc.tally().count(Reason.UNKNOWN_SKU)).isEqualTo(1);
        assertThat(acc.tally().examples().get(Reason.UNKNOWN_SKU)).containsExactly("SKU-GONE");
        assertThat(acc.tally().count(Reason.UNKNOWN_BRANCH)).isEqualTo(1);
    }

    @Test
    void warehousesFromBranchesWithDefaults() {
        List<Warehouse> warehouses = Fixtures.directory(Cin7Settings.defaults()).warehouses();
        assertThat(warehouses).extracting(Warehouse::key, Warehouse::name, Warehouse::enabled).containsExactly(
                org.assertj.core.groups.Tuple.tuple("1", "Auckland Warehouse", true),
                org.assertj.core.groups.Tuple.tuple("2", "Wellington Store", true),
                org.assertj.core.groups.Tuple.tuple("3", "Christchurch DC", true),
                org.assertj.core.groups.Tuple.tuple("4", "Closed Store", false));
    }

    @Test
    void mergedWarehousesTakeTheFirstGivenNameElseTheLowestBranchCompany() {
        Cin7Settings s = Cin7Settings.builder()
                .branch(3, new BranchSetting("MAIN", null, null))
                .branch(2, new BranchSetting("MAIN", "Main warehouse", null))
                .branch(1, new BranchSetting("MAIN", null, null))
                .branch(4, new BranchSetting("OLD", null, null))
                .build();
        WarehouseDirectory d = Fixtures.directory(s);
        assertThat(d.warehouses()).extracting(Warehouse::key, Warehouse::name, Warehouse::branchIds, Warehouse::enabled).containsExactly(
                org.assertj.core.groups.Tuple.tuple("MAIN", "Main warehouse", List.of(1L, 2L, 3L), true),
                org.assertj.core.groups.Tuple.tuple("OLD", "Closed Store", List.of(4L), false));
        Cin7Settings noNames = Cin7Settings.builder().branch(3, BranchSetting.mapTo("MAIN")).branch(2, BranchSetting.mapTo("MAIN")).build();
        assertThat(Fixtures.directory(noNames).warehouses()).filteredOn(w -> w.key().equals("MAIN"))
                .singleElement().satisfies(w -> assertThat(w.name()).isEqualTo("Wellington Store"));
    }

    @Test
    void aWarehouseIsEnabledWhenAnyBranchIs() {
        Cin7Settings s = Cin7Settings.builder().branch(1, new BranchSetting("MAIN", null, false)).branch(4, BranchSetting.mapTo("MAIN")).build();
        WarehouseDirectory d = Fixtures.directory(s);
        assertThat(d.isEnabled(1)).isFalse();
        assertThat(d.isEnabled(4)).isFalse();
        assertThat(d.warehouses()).filteredOn(w -> w.key().equals("MAIN")).singleElement().satisfies(w -> assertThat(w.enabled()).isFalse());
        Cin7Settings oneOn = Cin7Settings.builder().branch(1, BranchSetting.mapTo("MAIN")).branch(4, BranchSetting.mapTo("MAIN")).build();
        assertThat(Fixtures.directory(oneOn).warehouses()).filteredOn(w -> w.key().equals("MAIN")).singleElement()
                .satisfies(w -> assertThat(w.enabled()).isTrue());
    }

    @Test
    void unknownBranchesKeepTheirIdAndCountAsEnabled() {
        WarehouseDirectory d = WarehouseDirectory.of(List.of(Branch.builder().id(1).company("Main").build()), Cin7Settings.defaults());
        assertThat(d.keyOf(42)).isEqualTo("42");
        assertThat(d.isEnabled(42)).isTrue();
        assertThat(d.isKnown(42)).isFalse();
        assertThat(d.isEnabled(1)).as("null isActive counts as active").isTrue();
        assertThat(d.warehouses()).extracting(Warehouse::key).containsExactly("1");
    }
}
