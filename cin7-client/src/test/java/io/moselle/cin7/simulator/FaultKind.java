package io.moselle.cin7.simulator;

/** Faults the simulator can inject into a reply. */
public enum FaultKind {
    /** HTTP 500 with a short HTML body. */
    HTTP_500,
    /** HTTP 502. */
    HTTP_502,
    /** HTTP 503. */
    HTTP_503,
    /** HTTP 429 with {@code Retry-After: 1}, as if the limit were hit. */
    RATE_LIMITED,
    /** The right answer, but only after {@link SimulatorOptions#slowReplyDelay()}. */
    SLOW_REPLY,
    /** The connection is reset before any reply. */
    DROPPED_CONNECTION,
    /** A 200 whose JSON body stops halfway. */
    TRUNCATED_BODY
}
