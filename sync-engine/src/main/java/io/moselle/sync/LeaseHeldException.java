package io.moselle.sync;

/** A lease is held by someone else. */
public class LeaseHeldException extends SyncException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final String holder;

    /**
     * @param key what is leased
     * @param holder who holds it, as it named itself
     * @param detail more on the lease, e.g. when it expires unless renewed; may be empty
     */
    public LeaseHeldException(String key, String holder, String detail) {
        super(key + " is held by " + holder + (detail.isEmpty() ? "" : " (" + detail + ")"));
        this.key = key;
        this.holder = holder;
    }

    /** What is leased, e.g. {@code tenant:acme}. */
    public String key() {
        return key;
    }

    /** Who holds it, as it named itself. */
    public String holder() {
        return holder;
    }
}
