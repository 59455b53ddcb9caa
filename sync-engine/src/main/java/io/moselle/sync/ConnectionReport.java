package io.moselle.sync;

import io.moselle.cin7.client.model.Branch;
import io.moselle.mapping.Warehouse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The answer to "is this tenant set up right?": whether Cin7 accepts the credentials, whether
 * each resource can be read, and the branches with the warehouses they map to under the
 * tenant's settings, so a customer can map warehouses without support. Immutable.
 */
@Value.Immutable
@ReportStyle
public abstract class ConnectionReport {

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

    /** The tenant checked. */
    public abstract String tenantId();

    /** Whether Cin7 accepted the credentials. */
    public abstract boolean authenticated();

    /** Per resource path (e.g. {@code v1/SalesOrders}), whether it can be read. */
    public abstract Map<String, Access> access();

    /** The branch list (empty unless readable). */
    public abstract List<Branch> branches();

    /** The warehouses those branches map to. */
    public abstract List<Warehouse> warehouses();

    /** The first problem met, if any; never holds a secret. */
    public abstract Optional<String> error();

    /** What kind of problem {@link #error()} is. */
    public abstract Optional<FailureKind> failureKind();

    /** Credentials accepted and every resource readable. */
    public boolean ok() {
        return authenticated() && access().values().stream().allMatch(a -> a == Access.READ);
    }

    /** A builder of reports, for a host's tests; the engine's checks build their own. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ConnectionReport} values; {@code build()} throws IllegalStateException naming a missing field. */
    public static final class Builder extends ImmutableConnectionReport.Builder {}
}
