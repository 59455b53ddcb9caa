/**
 * The HTTP transport under the Cin7 client. Not a public API: nothing outside this module uses
 * it, it depends on nothing of the client, and anything here may change without notice.
 */
package io.moselle.cin7.client.internal;
