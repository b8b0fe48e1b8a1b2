package io.fairshare.service.security;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A cache of database lookups (an API key by its key id) kept for a time to live: a revocation
 * or an expiry reaches every instance within the TTL. Absent answers are cached too (negative
 * caching), so guessing key ids costs no database round trip. Bounded: past {@code maxEntries}
 * the cache starts over.
 */
public final class TtlCache<K, V> {
    private record Entry<V>(Optional<V> value, long loadedAt) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int maxEntries;
    private final Function<K, Optional<V>> loader;

    public TtlCache(Duration ttl, int maxEntries, Function<K, Optional<V>> loader) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.loader = loader;
    }

    /** The cached answer for {@code key}, loaded again once older than the TTL. */
    public Optional<V> get(K key) {
        long now = System.nanoTime();
        Entry<V> e = entries.get(key);
        if (e == null || now - e.loadedAt() > ttlNanos) {
            e = new Entry<>(loader.apply(key), now);
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.put(key, e);
        }
        return e.value();
    }

    /** Forgets a key at once in this instance (other instances follow within the TTL). */
    public void evict(K key) {
        entries.remove(key);
    }
}
