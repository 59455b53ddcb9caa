package io.moselle.cin7.client;

/** The daily call budget is spent: no request was sent. Try again once the budget resets. */
public class CallBudgetExhaustedException extends Cin7Exception {
    private static final long serialVersionUID = 1L;

    public CallBudgetExhaustedException(String message) {
        super(message);
    }
}
