package io.moselle.sync.spi;

import io.moselle.sync.LeaseHeldException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Leases in this process's memory: they never expire, since their holder cannot die without the store. */
final class InProcessLeaseStore implements LeaseStore {
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final AtomicLong tokens = new AtomicLong();

    private final class Held implements Lease {
        private final String key;
        private final String holder;
        private final long token;

        Held(String key, String holder, long token) {
            this.key = key;
            this.holder = holder;
            this.token = token;
        }

        @Override
        public String key() {
            return key;
        }

        @Override
        public long token() {
            return token;
        }

        @Override
        public boolean renew() {
            return held.get(key) == this;
        }

        @Override
        public void release() {
            held.remove(key, this);
        }
    }

    @Override
    public Lease acquire(String key, String holder) {
        Held lease = new Held(key, holder, tokens.incrementAndGet());
        Held current = held.putIfAbsent(key, lease);
        if (current != null) {
            throw new LeaseHeldException(key, current.holder, "");
        }
        return lease;
    }

    @Override
    public Duration duration() {
        return Duration.ofMinutes(1);
    }

    @Override
    public String toString() {
        return "InProcessLeaseStore{this engine's memory}";
    }
}
