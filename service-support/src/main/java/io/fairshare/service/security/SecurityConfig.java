package io.fairshare.service.security;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The keys every service reads the same way; each is documented in the module READMEs. */
@ConfigMapping(prefix = "fairshare.security")
public interface SecurityConfig {
    /**
     * Operator bearer tokens, each as the token itself or as {@code sha256:<hex>} of it. Every one
     * listed is valid: to rotate, list current and next, roll the clients, then drop the old one.
     * Unset: no operator access.
     */
    Optional<List<String>> operatorTokens();

    /** Auditors' read-only keys: {@code fairshare.security.auditor-keys."<name>"=<token or sha256:hex>}. */
    Map<String, String> auditorKeys();

    /** Parties' keys: {@code fairshare.security.party-keys."<partyId>"=<token or sha256:hex>}. */
    Map<String, String> partyKeys();
}
