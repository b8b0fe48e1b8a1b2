package io.fairshare.deploy;

import java.util.ArrayList;
import java.util.List;

/** What a check found wrong, one sentence per problem, in the order found. */
final class Problems {
    private final List<String> found = new ArrayList<>();

    void add(String format, Object... args) {
        found.add(String.format(format, args));
    }

    void require(boolean condition, String format, Object... args) {
        if (!condition) {
            add(format, args);
        }
    }

    List<String> list() {
        return List.copyOf(found);
    }
}
