package io.moselle.mapping.cin7;

import static io.moselle.mapping.cin7.Fixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.moselle.cin7.client.model.OrderStatus;
import io.moselle.cin7.client.model.SalesOrder;
import io.moselle.mapping.Outcome;
import io.moselle.mapping.Reason;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class SalesOrderMappingTest {
    private static final Cin7Settings DEFAULTS = Cin7Settings.defaults();

    private static Outcome<io.moselle.mapping.SalesOrder> map(SalesOrder order, Cin7Settings settings) {
        return SalesOrderMapping.map(order, settings, Fixtures.directory(settings));
    }

    static Arguments row(String rule, UnaryOperator<SalesOrder.Builder> change, Cin7Settings settings, Reason expected) {
        return Arguments.of(rule, change, settings, expected);
    }

    static Stream<Arguments> retractionRules() {
        Cin7Settings branch2Disabled = Cin7Settings.builder().branch(2, BranchSetting.disabled()).build();
        return Stream.of(
                row("dispatched by date", b -> b.stage("New"), DEFAULTS, null),
                row("dispatched by stage only", b -> b.dispatchedDate(null).stage("Dispatched"), DEFAULTS, null),
                row("dispatched stage ignores case and spaces", b -> b.dispatchedDate(null).stage("  fully DISPATCHED "), DEFAULTS, null),
                row("neither date nor stage", b -> b.dispatchedDate(null).stage("Awaiting Payment"), DEFAULTS, Reason.NOT_DISPATCHED),
                row("blank stage, no date", b -> b.dispatchedDate(null).stage(null), DEFAULTS, Reason.NOT_DISPATCHED),
                row("custom dispatched stages replace the defaults", b -> b.dispatchedDate(null).stage("Job Complete"),
                        Cin7Settings.builder().dispatchedStages(List.of("Job Complete")).build(), null),
                row("custom dispatched stages: default stage no longer counts", b -> b.dispatchedDate(null).stage("Dispatched"),
                        Cin7Settings.builder().dispatchedStages(List.of("Job Complete")).build(), Reason.NOT_DISPATCHED),
                row("void by flag", b -> b.isVoid(true), DEFAULTS, Reason.VOIDED),
                row("void by status", b -> b.status(OrderStatus.VOID), DEFAULTS, Reason.VOIDED),
                row("void by status code 2", b -> b.status(OrderStatus.of(2)), DEFAULTS, Reason.VOIDED),
                row("void even if dispatched", b -> b.isVoid(true).dispatchedDate(Fixtures.DISPATCHED), DEFAULTS, Reason.VOIDED),
                row("Shopify source excluded", b -> b.source("Shopify"), DEFAULTS, Reason.EXCLUDED_SOURCE),
                row("excluded ignoring case", b -> b.source("SHOPIFY"), DEFAULTS, Reason.EXCLUDED_SOURCE),
                row("excluded by substring", b -> b.source("Shopify POS (NZ)"), DEFAULTS, Reason.EXCLUDED_SOURCE),
                row("custom excluded sources", b -> b.source("Amazon AU"), Cin7Settings.builder().excludedSources(List.of("amazon")).build(),
                        Reason.EXCLUDED_SOURCE),
                row("no excluded sources imports Shopify", b -> b.source("Shopify"), Cin7Settings.builder().excludedSources(List.of()).build(), null),
                row("disabled branch by setting", b -> b.branchId(2L), branch2Disabled, Reason.WAREHOUSE_DISABLED),
                row("inactive branch is disabled by default", b -> b.branchId(4L), DEFAULTS, Reason.WAREHOUSE_DISABLED),
                row("inactive branch enabled by setting", b -> b.branchId(4L),
                        Cin7Settings.builder().branch(4, new BranchSetting(null, null, true)).build(), null),
                row("no line left", b -> b.lineItems(List.of(Fixtures.line("", "1"), Fixtures.line("SKU-2", "0"))), DEFAULTS, Reason.NO_LINES),
                row("no lines at all", b -> b.lineItems(List.of()), DEFAULTS, Reason.NO_LINES),
                // precedence: the first reason that applies wins
                row("void before excluded", b -> b.isVoid(true).source("Shopify"), DEFAULTS, Reason.VOIDED),
                row("excluded before disabled", b -> b.source("Shopify").branchId(4L), DEFAULTS, Reason.EXCLUDED_SOURCE),
                row("disabled before not dispatched", b -> b.branchId(4L).dispatchedDate(null).stage("New"), DEFAULTS, Reason.WAREHOUSE_DISABLED),
                row("not dispatched before no lines", b -> b.dispatchedDate(null).stage("New").lineItems(List.of()), DEFAULTS, Reason.NOT_DISPATCHED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("retractionRules")
    void appliesTheRetractionRulesInOrder(String rule, UnaryOperator<SalesOrder.Builder> change, Cin7Settings settings, Reason expected) {
        Outcome<io.moselle.mapping.SalesOrder> outcome = map(change.apply(order()).build(), settings);
        if (expected == null) {
            assertThat(outcome.action()).as(rule).isEqualTo(Outcome.Action.UPSERT);
        } else {
            assertThat(outcome.action()).as(rule).isEqualTo(Outcome.Action.RETRACT);
            assertThat(outcome.reason()).as(rule).contains(expected);
            assertThat(outcome.key()).contains(100L);
        }
    }

    static Stream<Arguments> channelRules() {
        Cin7Settings rules = Cin7Settings.builder().channel("B2B Portal", "Wholesale").channel("POS", "Retail").build();
        Cin7Settings withDefault = rules.toBuilder().defaultChannel("Online").build();
        return Stream.of(
                Arguments.of("exact rule", "B2B Portal", rules, "Wholesale"),
                Arguments.of("rule after trim, ignoring case", "  pos ", rules, "Retail"),
                Arguments.of("rules are exact, not substrings", "POS Auckland", rules, "POS Auckland"),
                Arguments.of("no rule: the trimmed source", " Web Store ", rules, "Web Store"),
                Arguments.of("no rule, blank source: Cin7", "  ", rules, "Cin7"),
                Arguments.of("no rule, null source: Cin7", null, rules, "Cin7"),
                Arguments.of("default channel for an unmatched source", "Web Store", withDefault, "Online"),
                Arguments.of("default channel for a blank source", "", withDefault, "Online"),
                Arguments.of("a rule beats the default", "POS", withDefault, "Retail"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("channelRules")
    void mapsChannels(String rule, String source, Cin7Settings settings, String expected) {
        assertThat(SalesOrderMapping.channel(source, settings)).as(rule).isEqualTo(expected);
        assertThat(map(order().source(source).build(), settings).record().orElseThrow().channel()).isEqualTo(expected);
    }

    static Stream<Arguments> dates() {
        return Stream.of(
                Arguments.of(Fixtures.INVOICED, Fixtures.DISPATCHED, Fixtures.INVOICED),
                Arguments.of(null, Fixtures.DISPATCHED, Fixtures.DISPATCHED),
                Arguments.of(null, null, Fixtures.CREATED));
    }

    @ParameterizedTest
    @MethodSource("dates")
    void dateIsInvoiceElseDispatchElseCreated(java.time.Instant invoice, java.time.Instant dispatched, java.time.Instant expected) {
        SalesOrder o = order().invoiceDate(invoice).dispatchedDate(dispatched).stage("Dispatched").build();
        assertThat(map(o, DEFAULTS).record().orElseThrow().date()).isEqualTo(expected);
    }

    @Test
    void mapsTheWholeRecord() {
        SalesOrder o = order().invoiceDate(Fixtures.INVOICED)
                .putCustomFields("orders_1000", JsonNodeFactory.instance.textNode("High"))
                .putCustomFields("orders_1001", JsonNodeFactory.instance.nullNode())
                .putCustomFields("orders_9", JsonNodeFactory.instance.textNode("ignored"))
                .lineItems(List.of(Fixtures.line(" SKU-1 ", "2"), Fixtures.line("KIT-1", "1"), Fixtures.line("SKU-2", "-1"),
                        Fixtures.line("", "3"), Fixtures.line("  ", "1"), Fixtures.line("SKU-3", "0"), Fixtures.line("SKU-4", null)))
                .build();
        Cin7Settings settings = Cin7Settings.builder()
                .branch(1, BranchSetting.mapTo("MAIN"))
                .customField(RecordSet.SALES_ORDERS, "orders_1000", "priority")
                .customField(RecordSet.SALES_ORDERS, "orders_1001", "note")
                .build();
        Outcome<io.moselle.mapping.SalesOrder> outcome = map(o, settings);
        io.moselle.mapping.SalesOrder r = outcome.record().orElseThrow();
        assertThat(r.externalId()).isEqualTo(100);
        assertThat(r.orderNumber()).isEqualTo("SO-100");
        assertThat(r.date()).isEqualTo(Fixtures.INVOICED);
        assertThat(r.warehouse()).isEqualTo("MAIN");
        assertThat(r.currency()).isEqualTo("NZD");
        assertThat(r.channel()).isEqualTo("Web Store");
        assertThat(r.lines()).extracting(l -> l.sku() + " x " + l.quantity()).containsExactly("SKU-1 x 2", "KIT-1 x 1", "SKU-2 x -1");
        assertThat(r.lines().get(0).unitPrice()).isEqualTo(new BigDecimal("10.00"));
        assertThat(r.attributes()).containsOnlyKeys("priority", "note");
        assertThat(r.attributes().get("note").isNull()).isTrue();
        assertThat(outcome.droppedLines()).isEqualTo(Map.of(Reason.LINE_MISSING_SKU, 2, Reason.LINE_ZERO_QUANTITY, 2));
    }

    @Test
    void aBranchMissingFromTheListMapsWithItsIdAndIsNoted() {
        Outcome<io.moselle.mapping.SalesOrder> outcome = map(order().branchId(77L).build(), DEFAULTS);
        assertThat(outcome.record().orElseThrow().warehouse()).isEqualTo("77");
        assertThat(outcome.notes()).containsExactly(Reason.UNKNOWN_BRANCH);
    }

    @Test
    void missingFieldsAreSkipsNamingTheField() {
        Outcome<io.moselle.mapping.SalesOrder> noBranch = map(order().branchId(null).build(), DEFAULTS);
        assertThat(noBranch.action()).isEqualTo(Outcome.Action.SKIP);
        assertThat(noBranch.reason()).contains(Reason.MISSING_FIELD);
        assertThat(noBranch.sourceId()).isEqualTo("100 branchId");
        Outcome<io.moselle.mapping.SalesOrder> noDate = map(order().createdDate(null).dispatchedDate(null).build(), DEFAULTS);
        assertThat(noDate.sourceId()).isEqualTo("100 createdDate");
    }
}
