package io.moselle.mapping.cin7;

/**
 * The sets of Cin7 records the settings speak of, each by its JSON name: custom fields are
 * copied per set, and each windowed set (read by {@code modifiedDate}) has its own lookback.
 */
public enum RecordSet {
    /** Products, read whole. */
    PRODUCTS("products", false),
    /** Sales orders, read in windows of {@code modifiedDate}. */
    SALES_ORDERS("salesOrders", true),
    /** Purchase orders, read in windows of {@code modifiedDate}. */
    PURCHASE_ORDERS("purchaseOrders", true),
    /** Branch transfers, read in windows of {@code modifiedDate}. */
    BRANCH_TRANSFERS("branchTransfers", true);

    private final String jsonName;
    private final boolean windowed;

    RecordSet(String jsonName, boolean windowed) {
        this.jsonName = jsonName;
        this.windowed = windowed;
    }

    /** The name used in the settings JSON. */
    public String jsonName() {
        return jsonName;
    }

    /** Whether the set is read in windows of {@code modifiedDate}, and so has a lookback. */
    public boolean isWindowed() {
        return windowed;
    }
}
