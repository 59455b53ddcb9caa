package io.moselle.cin7.client;

import java.time.Instant;
import java.util.Optional;

/** The daily call budget is spent: no request was sent. Try again once the budget resets. */
public class CallBudgetExhaustedException extends Cin7Exception {
    private static final long serialVersionUID = 1L;

    private final Instant resetsAt;

    /**
     * @param resetsAt when the budget resets, or null when unknown
     */
    public CallBudgetExhaustedException(String message, Instant resetsAt) {
        super(message);
        this.resetsAt = resetsAt;
    }

    /** When the budget resets, when its budget knows. */
    public Optional<Instant> resetsAt() {
        return Optional.ofNullable(resetsAt);
    }
}
