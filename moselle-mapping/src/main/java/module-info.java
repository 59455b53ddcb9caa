/**
 * Moselle's domain records and the pure functions that map Cin7 Omni records to them.
 *
 * <p>API: {@code io.moselle.mapping} (the records, outcomes and reasons) and
 * {@code io.moselle.mapping.cin7} (the Cin7 mapping rules and tenant settings).
 * {@code io.moselle.mapping.internal} holds helpers the sync engine shares and no one else sees.
 */
module io.moselle.mapping {
    requires transitive io.moselle.cin7.client;
    requires static org.immutables.value;

    exports io.moselle.mapping;
    exports io.moselle.mapping.cin7;
    exports io.moselle.mapping.internal to io.moselle.sync;

    // Jackson reads and writes the records and settings reflectively.
    opens io.moselle.mapping to com.fasterxml.jackson.databind;
    opens io.moselle.mapping.cin7 to com.fasterxml.jackson.databind;
}
