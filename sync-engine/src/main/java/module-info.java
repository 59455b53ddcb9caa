/**
 * {@code SyncEngine.run(tenant)}: brings a tenant's Cin7 Omni data into Moselle through a sink the
 * host implements.
 *
 * <p>API: {@code io.moselle.sync} (the engine, tenants, reports, the values a sink receives, and
 * the exceptions), {@code io.moselle.sync.spi} (what a host implements or plugs in: sinks,
 * stores, leases, listeners) and {@code io.moselle.sync.postgres} (the stores for several
 * replicas on one PostgreSQL). The run machinery in {@code io.moselle.sync.internal} is not
 * exported.
 */
module io.moselle.sync {
    requires transitive io.moselle.mapping;
    requires transitive io.moselle.cin7.client;
    requires transitive java.sql;
    requires java.management;
    requires static org.immutables.value;

    exports io.moselle.sync;
    exports io.moselle.sync.spi;
    exports io.moselle.sync.postgres;
}
