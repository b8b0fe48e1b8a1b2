package io.fairshare.payout.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Every key is documented in the module README. */
@ConfigMapping(prefix = "fairshare.payout")
public interface PayoutSettings {
    /**
     * Bearer token of the operator: every /v1 change needs it (auditors read), read as
     * {@code fairshare.security.operator-tokens} (list several there to rotate). Unset: no operator access.
     */
    Optional<String> operatorToken();

    /** Where pain.001 files are written (relative to the working directory unless absolute). */
    @WithDefault("data/payout-files")
    String filesDir();

    /** Minimum payout per currency in minor units, e.g. {@code thresholds.KRW=10000}. Absent: 0 (any positive balance is paid). */
    Map<String, Long> thresholds();

    /** Per payee and currency, overriding {@link #thresholds()}: {@code payee-thresholds."SOC-1".KRW=5000}. */
    Map<String, Map<String, Long>> payeeThresholds();

    /** Fairshare's own account, debited by every payment of a run. */
    Debtor debtor();

    /** How often reconciliation runs in the background (gauge and WARN log of its alarms). */
    @WithDefault("60s")
    Duration reconcileEvery();

    interface Debtor {
        /** Initiating party and debtor name. */
        @WithDefault("Fairshare")
        String name();

        /** Initiating party organisation id (at most 35 characters). */
        @WithDefault("FAIRSHARE")
        String id();

        @WithDefault("KR")
        String country();

        /** The account as an IBAN; without it {@link #accountNumber()} is used. */
        Optional<String> iban();

        @WithDefault("100-000-000001")
        String accountNumber();

        Optional<String> bic();

        /** Domestic bank code, used when no BIC is given. */
        @WithDefault("088")
        String bankCode();
    }
}
