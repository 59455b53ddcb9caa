package io.moselle.mapping.cin7;

/** The Cin7 resources read in windows of {@code modifiedDate}, each with its own lookback. */
public enum WindowedStream {
    SALES_ORDERS("salesOrders"),
    PURCHASE_ORDERS("purchaseOrders"),
    BRANCH_TRANSFERS("branchTransfers");

    private final String jsonName;

    WindowedStream(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name used in the settings JSON. */
    public String jsonName() {
        return jsonName;
    }
}
