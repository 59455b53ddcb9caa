/**
 * Implementation details of the Cin7 client: HTTP transport, JSON reading. Not a public API;
 * anything here may change without notice.
 */
package io.moselle.cin7.client.internal;
