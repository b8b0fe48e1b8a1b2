package io.fairshare.settlement.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The statement log's settings (module README, "Transparency"). */
@ConfigMapping(prefix = "fairshare.settlement.transparency")
public interface TransparencySettings {
    /**
     * The operator's Ed25519 signing key, base64 PKCS#8 DER (e.g. {@code openssl genpkey -algorithm ed25519 -outform DER | base64 -w0}).
     * Unset: a key is generated at first start and kept in the database (table transparency_key), for
     * development and tests only; its public key is logged.
     */
    Optional<String> privateKey();

    /**
     * Whether a close appends its lines to the log and signs a tree head (default true). Off only for a benchmark's
     * baseline (the close without the log, {@code ./fairshare bench close}): a period closed with it off has no head,
     * so its lines have no proofs and the next head names the last head there is.
     */
    @WithDefault("true")
    boolean enabled();
}
