/**
 * Moselle's domain records, free of anything specific to one integration, so that every
 * integration (Cin7 Omni and others) produces the same values, and the outcome of mapping one
 * source record: an upsert, a retraction with its {@link io.moselle.mapping.Reason}, or a skip.
 *
 * <p>Records are immutable, thread-safe values; {@link io.moselle.mapping.MoselleJson} reads and
 * writes them in the documented JSON form.
 */
@MoselleStyle
package io.moselle.mapping;
