package io.moselle.cin7.simulator;

import java.util.Map;

/** Runs before the simulator answers an authorised request: the place to change data between two pages. */
@FunctionalInterface
public interface RequestHook {
    /**
     * @param requestNumber 1-based count of authorised requests to this account
     * @param resource the resource path, e.g. {@code v1/SalesOrders}
     * @param query the decoded query parameters
     * @param data the account's data, to change
     */
    void beforeRequest(int requestNumber, String resource, Map<String, String> query, SimulatedData data);
}
