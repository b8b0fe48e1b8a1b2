package io.fairshare.servers;

import java.util.Optional;

/** Reads a setting from the first of several names that is set, each as a system property, then as an environment variable. */
public final class Settings {
    private Settings() {
    }

    /** The first non-blank value among the names, trying for each name the system property and then the environment. */
    public static Optional<String> first(String... names) {
        for (String name : names) {
            String value = System.getProperty(name);
            if (value == null || value.isBlank()) {
                value = System.getenv(name);
            }
            if (value != null && !value.isBlank()) {
                return Optional.of(value.trim());
            }
        }
        return Optional.empty();
    }
}
