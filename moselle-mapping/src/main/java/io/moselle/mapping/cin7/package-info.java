/**
 * The Cin7 Omni to Moselle mapping rules: pure functions of Cin7 records, the tenant's
 * {@link io.moselle.mapping.cin7.Cin7Settings} and, where needed, the branch list or the time
 * of the run. No I/O, no logging, no clock reads.
 */
package io.moselle.mapping.cin7;
