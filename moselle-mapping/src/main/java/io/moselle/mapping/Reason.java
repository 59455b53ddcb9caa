package io.moselle.mapping;

/**
 * Why a source record was retracted or skipped, why a line was dropped, or what was noticed
 * about a record that was still imported. Reports count each one with a few example ids, so
 * "why is order X missing?" has an answer.
 */
public enum Reason {
    /** Retracted: the order is void. */
    VOIDED(Kind.RETRACTED),
    /** Retracted: its source is excluded (e.g. Shopify, imported by another integration). */
    EXCLUDED_SOURCE(Kind.RETRACTED),
    /** Retracted: its warehouse is disabled. */
    WAREHOUSE_DISABLED(Kind.RETRACTED),
    /** Retracted: the order is not dispatched (yet). */
    NOT_DISPATCHED(Kind.RETRACTED),
    /** Retracted: no line was left once invalid lines were dropped. */
    NO_LINES(Kind.RETRACTED),
    /** Retracted: a transfer between branches of one warehouse moves no stock between warehouses. */
    INTERNAL_TRANSFER(Kind.RETRACTED),

    /** Skipped: the record has no SKU. */
    MISSING_SKU(Kind.SKIPPED),
    /** Skipped: another record with a lower id has the same SKU. */
    DUPLICATE_SKU(Kind.SKIPPED),
    /** Skipped: a stock row repeated for the same product option and branch; the last one counts. */
    DUPLICATE_ROW(Kind.SKIPPED),
    /** Skipped: a field needed to map the record is missing (the example names the field). */
    MISSING_FIELD(Kind.SKIPPED),
    /** Skipped: a quantity or an amount no real record has (a trillion or more, or past 12 decimals); the example names the field. */
    INVALID_NUMBER(Kind.SKIPPED),

    /** Line dropped: the line has no SKU. */
    LINE_MISSING_SKU(Kind.DROPPED_LINE),
    /** Line dropped: the line's quantity is zero or missing. */
    LINE_ZERO_QUANTITY(Kind.DROPPED_LINE),

    /** Imported, noted: the record names a branch missing from the branch list. */
    UNKNOWN_BRANCH(Kind.NOTED),
    /** Imported, noted: a stock row whose SKU is not a known product. */
    UNKNOWN_SKU(Kind.NOTED);

    /**
     * What happened to the record: the kind a reason is counted under by default. A stock row of
     * a disabled warehouse is skipped, where an order of one is retracted: the sync engine counts
     * each under what happened.
     */
    public enum Kind {
        /** The record was delivered as a retraction of its key. */
        RETRACTED,
        /** The record was not delivered at all. */
        SKIPPED,
        /** A line was dropped from a record that was delivered. */
        DROPPED_LINE,
        /** The record was delivered with a remark. */
        NOTED
    }

    private final Kind kind;

    Reason(Kind kind) {
        this.kind = kind;
    }

    /** What happens to a record for this reason, unless the counting says otherwise. */
    public Kind kind() {
        return kind;
    }
}
