package io.fairshare.registry.domain.catalogue;

import java.util.Arrays;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/** Copy-on-write edits of the index's immutable arrays (mandates, reservations, licences, works under an identifier). */
final class KeyedArrays {
    private KeyedArrays() {
    }

/** The array with {@code value} replacing the element of equal key, or appended; null if already present as is. */
static <T, K> T[] upserted(T[] current, T value, Function<T, K> key) {
    K k = key.apply(value);
    for (int i = 0; i < current.length; i++) {
        if (key.apply(current[i]).equals(k)) {
            if (current[i].equals(value)) {
                return null;
            }
            T[] next = current.clone();
            next[i] = value;
            return next;
        }
    }
    T[] next = Arrays.copyOf(current, current.length + 1);
    next[current.length] = value;
    return next;
}

/** The array without the first element matching, or null if none matches. */
static <T> T[] without(T[] current, Predicate<T> match, IntFunction<T[]> newArray) {
    for (int i = 0; i < current.length; i++) {
        if (match.test(current[i])) {
            T[] next = newArray.apply(current.length - 1);
            System.arraycopy(current, 0, next, 0, i);
            System.arraycopy(current, i + 1, next, i, current.length - i - 1);
            return next;
        }
    }
    return null;
}
}
