package io.fairshare.settlement.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The disclosure reports' settings (module README, "Disclosure reports"). */
@ConfigMapping(prefix = "fairshare.settlement.disclosure")
public interface DisclosureSettings {
    /** A group of the public summary with fewer events than this is folded into "other (suppressed)". */
    @WithDefault("10")
    int minGroupEvents();
}
