package io.fairshare.contracts;

/** SmallRye Reactive Messaging channel names; each is mapped to a {@link Topics topic} in config. */
public final class Channels {
    public static final String USAGE_ACCEPTED_OUT = "usage-accepted-out";
    public static final String USAGE_RESOLVED_IN = "usage-resolved-in";
    public static final String USAGE_UNMATCHED_OUT = "usage-unmatched-out";
    public static final String REGISTRY_CHANGES_OUT = "registry-changes-out";
    public static final String REGISTRY_CHANGES_IN = "registry-changes-in";
    public static final String STATEMENTS_ISSUED_OUT = "statements-issued-out";
    public static final String STATEMENTS_ISSUED_IN = "statements-issued-in";

    private Channels() {
    }
}
