/**
 * Typed, immutable values of the Cin7 Omni resources the integration reads.
 *
 * <p>Only the fields Moselle uses or keeps are modelled; any other field Cin7 sends is ignored.
 * Attributes marked {@link io.moselle.cin7.client.model.Nullable} are {@code null} when Cin7
 * leaves them out, sends {@code null} or sends blank text. Quantities and money are exact
 * {@link java.math.BigDecimal}s, dates are {@link java.time.Instant}s, and enum-like fields are
 * tolerant value types that keep unknown values as text. Every value is immutable and
 * thread-safe.
 */
@Cin7Style
package io.moselle.cin7.client.model;
