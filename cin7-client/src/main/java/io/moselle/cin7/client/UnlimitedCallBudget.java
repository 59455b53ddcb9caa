package io.moselle.cin7.client;

import java.time.Instant;

enum UnlimitedCallBudget implements CallBudget {
    INSTANCE;

    @Override
    public boolean tryAcquire(Instant now) {
        return true;
    }

    @Override
    public long remaining(Instant now) {
        return Long.MAX_VALUE;
    }

    @Override
    public String toString() {
        return "CallBudget{unlimited}";
    }
}
