package io.moselle.sync;

import io.moselle.cin7.client.model.Branch;
import io.moselle.mapping.Warehouse;
import java.util.List;
import java.util.Map;

/**
 * The answer to "is this tenant set up right?": whether Cin7 accepts the credentials, whether
 * each resource can be read, and the branches with the warehouses they map to under the
 * tenant's settings, so a customer can map warehouses without support.
 *
 * @param tenantId the tenant
 * @param authenticated whether Cin7 accepted the credentials
 * @param access per resource path (e.g. {@code v1/SalesOrders}), whether it can be read
 * @param branches the branch list (empty unless readable)
 * @param warehouses the warehouses those branches map to
 * @param error the first problem met, or null; never holds a secret
 * @param failure what kind of problem {@code error} is, or null
 */
public record ConnectionReport(String tenantId, boolean authenticated, Map<String, Access> access, List<Branch> branches,
        List<Warehouse> warehouses, String error, FailureKind failure) {

    /** Whether one resource can be read. */
    public enum Access {
        /** The API connection can read it. */
        READ,
        /** Cin7 answered 403: give the API connection read permission for this module. */
        FORBIDDEN,
        /** Some other failure; see {@link ConnectionReport#error()}. */
        ERROR,
        /** Not tried, because authentication failed. */
        UNKNOWN
    }

    public ConnectionReport {
        access = Map.copyOf(access);
        branches = List.copyOf(branches);
        warehouses = List.copyOf(warehouses);
    }

    /** What kind of problem was met first, if any. */
    public java.util.Optional<FailureKind> failureKind() {
        return java.util.Optional.ofNullable(failure);
    }

    /** Credentials accepted and every resource readable. */
    public boolean ok() {
        return authenticated && access.values().stream().allMatch(a -> a == Access.READ);
    }
}
