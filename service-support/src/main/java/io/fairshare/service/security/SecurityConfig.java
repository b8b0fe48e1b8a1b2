package io.fairshare.service.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
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

    /** Operators signing in with a JWT from their organisation's IdP (used only when quarkus.smallrye-jwt.enabled=true). */
    Jwt jwt();

    interface Jwt {
        /** The group (in the token's groups claim, {@code smallrye.jwt.path.groups}) that makes a signed-in person an operator. */
        @WithDefault("fairshare-operator")
        String operatorGroup();

        /** A group that makes a signed-in person an auditor; unset: none does. */
        Optional<String> auditorGroup();

        /** The claim that names the person in audit records; the subject ({@code sub}) when the token lacks it. */
        @WithDefault("sub")
        String nameClaim();
    }
}
