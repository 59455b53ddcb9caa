/**
 * A typed, read-only, rate-limit-aware client for the Cin7 Omni REST API v1.
 *
 * <p>API: {@code io.moselle.cin7.client} (the client, its options, limits, budgets and
 * exceptions) and {@code io.moselle.cin7.client.model} (the records it reads). Everything else is
 * machinery this module does not export.
 */
module io.moselle.cin7.client {
    requires transitive com.fasterxml.jackson.databind;
    requires transitive java.net.http;
    requires static org.immutables.value;

    exports io.moselle.cin7.client;
    exports io.moselle.cin7.client.model;

    // Jackson builds the Immutables models reflectively.
    opens io.moselle.cin7.client.model to com.fasterxml.jackson.databind;
}
