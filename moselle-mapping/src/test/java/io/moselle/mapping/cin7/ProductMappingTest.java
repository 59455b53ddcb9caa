package io.moselle.mapping.cin7;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.moselle.cin7.client.model.OptionStatus;
import io.moselle.cin7.client.model.Product;
import io.moselle.cin7.client.model.ProductOption;
import io.moselle.cin7.client.model.ProductStatus;
import io.moselle.mapping.Outcome;
import io.moselle.mapping.Reason;
import io.moselle.mapping.internal.Tally;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProductMappingTest {

    static ProductOption.Builder option(long id, String code) {
        ProductOption.Builder b = ProductOption.builder();
        b.id(id).productId(1L).code(code).status(OptionStatus.ACTIVE);
        return b;
    }

    static Product product(long id, ProductStatus status, ProductOption... options) {
        return Product.builder().id(id).status(status).name(" Tee ").category("Apparel").brand("Basics").styleCode("STY-1")
                .addProductOptions(options).build();
    }

    static List<Outcome<io.moselle.mapping.Product>> map(Cin7Settings s, SkuClaims claims, Product... products) {
        List<Outcome<io.moselle.mapping.Product>> all = new ArrayList<>();
        for (Product p : products) {
            all.addAll(ProductMapping.map(p, s, claims));
        }
        return all;
    }

    static Stream<Arguments> skus() {
        return Stream.of(
                Arguments.of("code", option(1, "SKU-1").build(), "SKU-1"),
                Arguments.of("code trimmed", option(1, "  SKU-1 ").build(), "SKU-1"),
                Arguments.of("code wins over productOptionCode", option(1, "A").productOptionCode("B").build(), "A"),
                Arguments.of("productOptionCode when code is null", option(1, null).productOptionCode(" B ").build(), "B"),
                Arguments.of("productOptionCode when code is blank", option(1, "   ").productOptionCode("B").build(), "B"),
                Arguments.of("both blank: no SKU", option(1, "").productOptionCode(" ").build(), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("skus")
    void skuIsCodeElseProductOptionCode(String rule, ProductOption option, String expected) {
        assertThat(ProductMapping.sku(option)).as(rule).isEqualTo(expected);
    }

    @Test
    void anOptionWithoutSkuIsSkipped() {
        List<Outcome<io.moselle.mapping.Product>> out = map(Cin7Settings.defaults(), new SkuClaims(),
                product(1, ProductStatus.PUBLIC, option(11, "").build(), option(12, "SKU-2").build()));
        assertThat(out).extracting(Outcome::action).containsExactly(Outcome.Action.SKIP, Outcome.Action.UPSERT);
        assertThat(out.get(0).reason()).contains(Reason.MISSING_SKU);
        assertThat(out.get(0).sourceId()).isEqualTo("option 11");
    }

    @Test
    void theLowestOptionIdWinsADuplicateSku() {
        List<Outcome<io.moselle.mapping.Product>> out = map(Cin7Settings.defaults(), new SkuClaims(),
                product(1, ProductStatus.PUBLIC, option(12, "DUP").build(), option(11, "DUP").build()));
        assertThat(out.stream().filter(o -> o.action() == Outcome.Action.UPSERT))
                .singleElement().satisfies(o -> assertThat(o.record().orElseThrow().externalOptionId()).isEqualTo(11L));
        assertThat(out).filteredOn(o -> o.reason().isPresent()).singleElement()
                .satisfies(o -> assertThat(o.sourceId()).isEqualTo("option 12"));
    }

    @Test
    void aLowerOptionIdOnALaterPageReplacesTheEarlierHolder() {
        SkuClaims claims = new SkuClaims();
        List<Outcome<io.moselle.mapping.Product>> first = map(Cin7Settings.defaults(), claims, product(1, ProductStatus.PUBLIC, option(50, "DUP").build()));
        List<Outcome<io.moselle.mapping.Product>> second = map(Cin7Settings.defaults(), claims, product(2, ProductStatus.PUBLIC, option(20, "DUP").build()));
        assertThat(first).extracting(Outcome::action).containsExactly(Outcome.Action.UPSERT);
        assertThat(second).extracting(Outcome::action).containsExactly(Outcome.Action.SKIP, Outcome.Action.UPSERT);
        assertThat(second.get(0).sourceId()).isEqualTo("option 50");
        assertThat(second.get(1).record().orElseThrow().externalOptionId()).isEqualTo(20L);
        List<Outcome<io.moselle.mapping.Product>> third = map(Cin7Settings.defaults(), claims, product(3, ProductStatus.PUBLIC, option(30, "DUP").build()));
        assertThat(third).singleElement().satisfies(o -> assertThat(o.reason()).contains(Reason.DUPLICATE_SKU));
        Tally tally = new Tally();
        Stream.of(first, second, third).flatMap(List::stream).forEach(tally::add);
        assertThat(tally.count(Reason.DUPLICATE_SKU)).isEqualTo(2);
        assertThat(claims.skus()).containsExactly("DUP");
    }

    static Stream<Arguments> activeRules() {
        return Stream.of(
                Arguments.of(ProductStatus.PUBLIC, OptionStatus.ACTIVE, true),
                Arguments.of(ProductStatus.SHOW_IN_B2B, OptionStatus.PRIMARY, true),
                Arguments.of(null, null, true),
                Arguments.of(ProductStatus.INACTIVE, OptionStatus.ACTIVE, false),
                Arguments.of(ProductStatus.of("inactive"), OptionStatus.PRIMARY, false),
                Arguments.of(ProductStatus.PUBLIC, OptionStatus.DISABLED, false),
                Arguments.of(ProductStatus.PUBLIC, OptionStatus.of("DISABLED"), false));
    }

    @ParameterizedTest
    @MethodSource("activeRules")
    void inactiveProductOrDisabledOptionIsNotActive(ProductStatus productStatus, OptionStatus optionStatus, boolean active) {
        Product p = product(1, productStatus, option(11, "SKU-1").status(optionStatus).build());
        assertThat(ProductMapping.map(p, Cin7Settings.defaults(), new SkuClaims()).get(0).record().orElseThrow().active()).isEqualTo(active);
    }

    @Test
    void mapsTheWholeRecord() {
        Product p = Product.builder().id(5).status(ProductStatus.PUBLIC).name(" Tee ").category(" ").brand("Basics").styleCode("STY-5")
                .putCustomFields("season", JsonNodeFactory.instance.textNode(" Summer "))
                .putCustomFields("origin", JsonNodeFactory.instance.textNode("NZ"))
                .addProductOptions(option(51, "SKU-5-1").productId(5L).barcode("9400001").option1("M").option2(" ").option3("Navy").size("10").build())
                .build();
        Cin7Settings s = Cin7Settings.builder().customField(RecordSet.PRODUCTS, "season", "season").build();
        io.moselle.mapping.Product r = ProductMapping.map(p, s, new SkuClaims()).get(0).record().orElseThrow();
        assertThat(r.sku()).isEqualTo("SKU-5-1");
        assertThat(r.name()).isEqualTo("Tee");
        assertThat(r.variant()).isEqualTo("M / Navy / 10");
        assertThat(r.category()).isNull();
        assertThat(r.brand()).isEqualTo("Basics");
        assertThat(r.barcode()).isEqualTo("9400001");
        assertThat(r.styleCode()).isEqualTo("STY-5");
        assertThat(r.externalProductId()).isEqualTo(5L);
        assertThat(r.externalOptionId()).isEqualTo(51L);
        assertThat(r.attributes()).containsOnlyKeys("season");
        assertThat(r.attributes().get("season").textValue()).isEqualTo(" Summer ");
    }

    @Test
    void noOptionValuesMeansNoVariant() {
        assertThat(ProductMapping.variant(option(1, "A").option1(" ").build())).isNull();
    }
}
