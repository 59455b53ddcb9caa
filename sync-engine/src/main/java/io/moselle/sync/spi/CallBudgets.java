package io.moselle.sync.spi;

import io.moselle.cin7.client.CallBudget;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The daily call budget of each API connection: Cin7 caps the calls of a day per connection,
 * whichever tenant or app makes them. The engine asks once per connection and keeps the answer.
 * {@code PostgresCallBudgets} shares each budget between processes.
 */
@FunctionalInterface
public interface CallBudgets {
    /** The budget of the API connection whose API username is {@code username}. */
    CallBudget forConnection(String username);

    /**
     * A budget of {@code calls} per UTC day for each connection, counted in this process's
     * memory: one budget per connection, whoever asks for it.
     */
    static CallBudgets perUtcDay(long calls) {
        CallBudget.perUtcDay(calls); // checks calls now, not at the first run
        Map<String, CallBudget> budgets = new ConcurrentHashMap<>();
        return username -> budgets.computeIfAbsent(username, u -> CallBudget.perUtcDay(calls));
    }
}
