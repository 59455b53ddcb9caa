package io.moselle.mapping.cin7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Cin7SettingsJsonTest {
    static final String DOC_EXAMPLE = """
            {
              "warehouses": {
                "1": { "key": "MAIN", "name": "Main warehouse" },
                "2": { "key": "MAIN" },
                "3": { "enabled": false }
              },
              "channels": { "B2B Portal": "Wholesale", "POS": "Retail" },
              "defaultChannel": null,
              "excludedSources": ["shopify"],
              "dispatchedStages": ["Dispatched", "Fully Dispatched"],
              "customFields": { "products": { "season": "season" }, "salesOrders": { "orders_1000": "priority" } },
              "lookbackDays": { "salesOrders": 90, "purchaseOrders": 90, "branchTransfers": 90 },
              "initialHistoryDays": 730
            }
            """;

    @Test
    void readsTheDocumentedExample() {
        Cin7Settings s = Cin7SettingsJson.read(DOC_EXAMPLE);
        assertThat(s.branches()).containsEntry(1L, new BranchSetting("MAIN", "Main warehouse", null))
                .containsEntry(2L, BranchSetting.mapTo("MAIN")).containsEntry(3L, BranchSetting.disabled());
        assertThat(s.channels()).isEqualTo(Map.of("B2B Portal", "Wholesale", "POS", "Retail"));
        assertThat(s.defaultChannel()).isNull();
        assertThat(s.customFields(RecordSet.PRODUCTS)).isEqualTo(Map.of("season", "season"));
        assertThat(s.customFields(RecordSet.SALES_ORDERS)).isEqualTo(Map.of("orders_1000", "priority"));
        assertThat(s.customFields(RecordSet.BRANCH_TRANSFERS)).isEmpty();
    }

    @Test
    void everyKeyIsOptionalWithItsDefault() {
        Cin7Settings s = Cin7SettingsJson.read("{}");
        assertThat(s).isEqualTo(Cin7Settings.defaults());
        assertThat(s.excludedSources()).containsExactly("shopify");
        assertThat(s.dispatchedStages()).containsExactly("Dispatched", "Fully Dispatched");
        assertThat(s.lookbackDays(RecordSet.SALES_ORDERS)).isEqualTo(90);
        assertThat(s.lookbackDays(RecordSet.PURCHASE_ORDERS)).isEqualTo(90);
        assertThat(s.lookbackDays(RecordSet.BRANCH_TRANSFERS)).isEqualTo(90);
        assertThat(s.initialHistoryDays()).isEqualTo(730);
        assertThat(s.defaultChannel()).isNull();
        assertThat(Cin7SettingsJson.read("{\"lookbackDays\": {\"salesOrders\": 30}}").lookbackDays(RecordSet.PURCHASE_ORDERS)).isEqualTo(90);
    }

    @Test
    void writesWhatItReads() {
        Cin7Settings s = Cin7SettingsJson.read(DOC_EXAMPLE).toBuilder().defaultChannel("Online")
                .lookbackDays(RecordSet.BRANCH_TRANSFERS, 14).excludedSources(List.of("shopify", "amazon")).build();
        assertThat(Cin7SettingsJson.read(Cin7SettingsJson.write(s))).isEqualTo(s);
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of("{\"lookback\": 3}", "lookback"),
                Arguments.of("{\"warehouses\": {\"1\": {\"kee\": \"A\"}}}", "warehouses.1.kee"),
                Arguments.of("{\"warehouses\": {\"one\": {\"key\": \"A\"}}}", "warehouses.one"),
                Arguments.of("{\"warehouses\": {\"1\": {\"enabled\": \"no\"}}}", "warehouses.1.enabled"),
                Arguments.of("{\"warehouses\": {\"1\": {\"key\": 7}}}", "warehouses.1.key"),
                Arguments.of("{\"warehouses\": []}", "warehouses"),
                Arguments.of("{\"channels\": {\"POS\": 1}}", "channels.POS"),
                Arguments.of("{\"excludedSources\": \"shopify\"}", "excludedSources"),
                Arguments.of("{\"dispatchedStages\": [\"Dispatched\", 3]}", "dispatchedStages[1]"),
                Arguments.of("{\"customFields\": {\"orders\": {}}}", "customFields.orders"),
                Arguments.of("{\"customFields\": {\"products\": {\"season\": true}}}", "customFields.products.season"),
                Arguments.of("{\"lookbackDays\": {\"salesOrders\": -1}}", "lookbackDays.salesOrders"),
                Arguments.of("{\"lookbackDays\": {\"salesOrders\": 1.5}}", "lookbackDays.salesOrders"),
                Arguments.of("{\"lookbackDays\": {\"stock\": 3}}", "lookbackDays.stock"),
                Arguments.of("{\"initialHistoryDays\": -5}", "initialHistoryDays"),
                Arguments.of("{\"initialHistoryDays\": \"730\"}", "initialHistoryDays"),
                Arguments.of("[1, 2]", "(root)"),
                Arguments.of("{\"defaultChannel\": 3}", "defaultChannel"),
                Arguments.of("{not json", "(file)"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badSettings")
    void aBadSettingFailsNamingTheKey(String json, String key) {
        assertThatThrownBy(() -> Cin7SettingsJson.read(json))
                .isInstanceOfSatisfying(SettingsException.class, e -> assertThat(e.key()).isEqualTo(key))
                .hasMessageStartingWith("settings: " + key + " ");
    }

    @Test
    void invalidJsonIsPlacedAtItsLineAndColumnOnOneLine() {
        assertThatThrownBy(() -> Cin7SettingsJson.read("{\n  \"channels\": {\"POS\": \"Retail\",}\n}"))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("settings: (file) is not valid JSON at line 2, column 32: Unexpected character")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("Source:"));
    }

    @Test
    void theBuilderValidatesToo() {
        assertThatThrownBy(() -> Cin7Settings.builder().lookbackDays(RecordSet.SALES_ORDERS, -1))
                .hasMessage("settings: lookbackDays.salesOrders must be zero or more days, was -1");
        assertThatThrownBy(() -> Cin7Settings.builder().channel(" ", "x")).hasMessageContaining("channels");
    }
}
