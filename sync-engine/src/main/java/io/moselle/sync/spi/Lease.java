package io.moselle.sync.spi;

/**
 * An exclusive claim on a key (a tenant, an API connection) that expires unless renewed. Each
 * acquisition of a key gets a fencing token greater than every earlier one, so a store shared by
 * several processes can refuse a write from a holder that lost the lease to a newer one.
 * Thread-safe.
 */
public interface Lease {
    /** What is leased, e.g. {@code tenant:acme}. */
    String key();

    /** The fencing token of this acquisition: greater than that of every earlier holder of the key. */
    long token();

    /**
     * Extends the lease by its store's duration.
     *
     * @return false when the lease is lost: released, expired, or taken over by another holder
     * @throws RuntimeException when the store cannot be reached: whether the lease still holds is unknown
     */
    boolean renew();

    /** Gives the lease up, so another holder can take it at once. Does nothing when it was lost already. */
    void release();
}
