package io.moselle.sync.internal;

import io.moselle.cin7.client.AuthenticationException;
import io.moselle.cin7.client.Cin7Client;
import io.moselle.cin7.client.Cin7Exception;
import io.moselle.cin7.client.Cin7IoException;
import io.moselle.cin7.client.Cin7ListResource;
import io.moselle.cin7.client.ListQuery;
import io.moselle.cin7.client.PermissionDeniedException;
import io.moselle.cin7.client.model.Branch;
import io.moselle.mapping.cin7.WarehouseDirectory;
import io.moselle.sync.ConnectionReport;
import io.moselle.sync.FailureKind;
import io.moselle.sync.Tenant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Is this tenant set up right?": the credentials, read permission on every resource (one small
 * request each) and the branch list with the warehouses it maps to. Never throws for a Cin7
 * failure: the report says what failed.
 */
public final class ConnectionCheck {
    private ConnectionCheck() {}

    static ConnectionReport check(Tenant tenant, Cin7Client client) {
        List<Cin7ListResource<?>> others = others(client);
        Map<String, ConnectionReport.Access> access = new LinkedHashMap<>();
        List<Branch> branches = new ArrayList<>();
        Cin7Exception first = null;
        try {
            client.branches().list(ListQuery.builder().afterId(0).build()).forEach(branches::add);
            access.put(client.branches().path(), ConnectionReport.Access.READ);
        } catch (AuthenticationException | Cin7IoException e) {
            // refused credentials, or no Cin7 to talk to: the other resources would only say the same
            access.put(client.branches().path(), e instanceof AuthenticationException ? ConnectionReport.Access.UNKNOWN
                    : ConnectionReport.Access.ERROR);
            others.forEach(r -> access.put(r.path(), ConnectionReport.Access.UNKNOWN));
            return ConnectionReport.builder().tenantId(tenant.id()).authenticated(!(e instanceof AuthenticationException))
                    .access(access).error(e.getMessage()).failureKind(Failures.kindOf(e)).build();
        } catch (Cin7Exception e) {
            access.put(client.branches().path(), accessAfter(e));
            first = e;
        }
        for (Cin7ListResource<?> resource : others) {
            try {
                resource.list(ListQuery.builder().rows(1).build()).pages().iterator().next();
                access.put(resource.path(), ConnectionReport.Access.READ);
            } catch (Cin7Exception e) {
                access.put(resource.path(), accessAfter(e));
                first = first == null ? e : first;
            }
        }
        ConnectionReport.Builder report = ConnectionReport.builder().tenantId(tenant.id()).authenticated(true).access(access)
                .branches(branches).warehouses(WarehouseDirectory.of(branches, tenant.settings()).warehouses());
        if (first != null) {
            report.error(first.getMessage()).failureKind(Failures.kindOf(first));
        }
        return report.build();
    }

    /** The resources checked after the branch list. */
    private static List<Cin7ListResource<?>> others(Cin7Client client) {
        return List.of(client.products(), client.stock(), client.salesOrders(), client.purchaseOrders(), client.branchTransfers());
    }

    /** A report of a check that made no call: every resource's access unknown, and why. */
    static ConnectionReport notChecked(Tenant tenant, Cin7Client client, String why, FailureKind kind) {
        Map<String, ConnectionReport.Access> access = new LinkedHashMap<>();
        access.put(client.branches().path(), ConnectionReport.Access.UNKNOWN);
        others(client).forEach(r -> access.put(r.path(), ConnectionReport.Access.UNKNOWN));
        return ConnectionReport.builder().tenantId(tenant.id()).authenticated(false).access(access).error(why).failureKind(kind).build();
    }

    private static ConnectionReport.Access accessAfter(Cin7Exception e) {
        return e instanceof PermissionDeniedException ? ConnectionReport.Access.FORBIDDEN : ConnectionReport.Access.ERROR;
    }
}
