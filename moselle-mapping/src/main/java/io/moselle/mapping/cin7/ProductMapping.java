package io.moselle.mapping.cin7;

import io.moselle.cin7.client.model.OptionStatus;
import io.moselle.cin7.client.model.Product;
import io.moselle.cin7.client.model.ProductOption;
import io.moselle.cin7.client.model.ProductStatus;
import io.moselle.mapping.Outcome;
import io.moselle.mapping.Reason;
import io.moselle.mapping.internal.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Cin7 products to Moselle products: one per product option whose SKU is not blank. The SKU is
 * the option's {@code code}, else its {@code productOptionCode}, trimmed. When two options share
 * a SKU the lowest option id wins and the others are skipped as {@link Reason#DUPLICATE_SKU}.
 */
public final class ProductMapping {
    private ProductMapping() {}

    /**
     * Maps one product's options. {@code claims} carries the SKUs seen earlier in the same
     * snapshot: when an option here beats an earlier holder of its SKU (lower option id), the
     * new record is upserted (replacing the earlier one, keyed by SKU) and the earlier option is
     * reported as the duplicate.
     */
    public static List<Outcome<io.moselle.mapping.Product>> map(Product product, Cin7Settings settings, SkuClaims claims) {
        List<Outcome<io.moselle.mapping.Product>> outcomes = new ArrayList<>();
        List<ProductOption> options = product.productOptions().stream()
                .sorted((a, b) -> Long.compare(a.id(), b.id())).toList();
        for (ProductOption option : options) {
            String source = "option " + option.id();
            String sku = sku(option);
            if (sku == null) {
                outcomes.add(Outcome.skip(Reason.MISSING_SKU, source));
                continue;
            }
            Long holder = claims.owner(sku);
            if (holder != null && holder <= option.id()) {
                outcomes.add(Outcome.skip(Reason.DUPLICATE_SKU, source));
                continue;
            }
            if (holder != null) {
                outcomes.add(Outcome.skip(Reason.DUPLICATE_SKU, "option " + holder));
            }
            claims.claim(sku, option.id());
            outcomes.add(Outcome.upsert(record(product, option, sku, settings), source));
        }
        return outcomes;
    }

    /** The option's SKU: {@code code}, else {@code productOptionCode}, trimmed; null when both are blank. */
    public static String sku(ProductOption option) {
        String code = Text.clean(option.code());
        return code != null ? code : Text.clean(option.productOptionCode());
    }

    private static io.moselle.mapping.Product record(Product product, ProductOption option, String sku, Cin7Settings settings) {
        boolean active = !ProductStatus.INACTIVE.equals(product.status()) && !OptionStatus.DISABLED.equals(option.status());
        return io.moselle.mapping.Product.builder()
                .sku(sku)
                .name(Text.clean(product.name()))
                .variant(variant(option))
                .category(Text.clean(product.category()))
                .brand(Text.clean(product.brand()))
                .barcode(Text.clean(option.barcode()))
                .styleCode(Text.clean(product.styleCode()))
                .active(active)
                .externalProductId(product.id())
                .externalOptionId(option.id())
                .attributes(Attributes.copy(product.customFields(), settings.customFields(RecordSet.PRODUCTS)))
                .build();
    }

    /** option1 / option2 / option3 / size, the non-blank ones joined by {@code " / "}, or null. */
    static String variant(ProductOption option) {
        String joined = Stream.of(option.option1(), option.option2(), option.option3(), option.size())
                .map(Text::clean).filter(Objects::nonNull).collect(Collectors.joining(" / "));
        return joined.isEmpty() ? null : joined;
    }
}
