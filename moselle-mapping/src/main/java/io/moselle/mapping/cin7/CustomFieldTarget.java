package io.moselle.mapping.cin7;

/** The record types whose Cin7 custom fields can be copied into Moselle attributes. */
public enum CustomFieldTarget {
    PRODUCTS("products"),
    SALES_ORDERS("salesOrders"),
    PURCHASE_ORDERS("purchaseOrders"),
    BRANCH_TRANSFERS("branchTransfers");

    private final String jsonName;

    CustomFieldTarget(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name used in the settings JSON. */
    public String jsonName() {
        return jsonName;
    }
}
