package io.fairshare.payout.domain.reconciliation;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** A sum of minor units per (period, party, currency). */
final class Sums {
    /** A period (empty for an account without one), a society or platform, and a currency; ordered that way. */
    record Key(String period, String party, String currency) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = period.compareTo(o.period);
            if (c == 0) {
                c = party.compareTo(o.party);
            }
            return c == 0 ? currency.compareTo(o.currency) : c;
        }
    }

    private final Map<Key, Long> values = new HashMap<>();

    void add(Key key, long amount) {
        values.merge(key, amount, Math::addExact);
    }

    long get(Key key) {
        return values.getOrDefault(key, 0L);
    }

    Set<Key> keys() {
        return values.keySet();
    }
}
