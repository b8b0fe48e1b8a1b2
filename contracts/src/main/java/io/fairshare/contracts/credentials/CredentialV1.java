package io.fairshare.contracts.credentials;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A party's or an auditor's credential as rights-registry issued it, on
 * {@link io.fairshare.contracts.Topics#CREDENTIALS}, key {@code keyId}. The token itself never leaves the
 * registry: services check a presented token ({@link BearerKeys#PARTY} {@code fsp_…} or
 * {@link BearerKeys#AUDITOR} {@code fsa_…}) against {@code secretSha256}. The latest record of a key wins
 * (the higher {@code revision}); a revoked or expired credential is unknown.
 * Schema: {@code schemas/credential.v1.schema.json}.
 *
 * @param keyId        the 16 hex characters of the token after its prefix
 * @param role         {@code party} or {@code auditor}
 * @param subjectId    the party id (role party) or the auditor's name (role auditor)
 * @param issuedBy     who issued it: the operator's principal name, or the society id
 * @param societyId    the society that issued a party key; null when the operator issued it
 * @param platforms    an auditor's platforms: ids, or {@code ["*"]} for every platform; empty for none (and for parties)
 * @param periods      an auditor's periods ({@code 2026-11}), or {@code ["*"]}; empty for none (and for parties)
 * @param secretSha256 the SHA-256 of the token's secret part, 64 lower-case hex characters
 * @param notBefore    valid from (inclusive)
 * @param expiresAt    valid until (exclusive); null: does not expire (party keys only)
 * @param revoked      revoked for good
 * @param revision     1 when issued, one more with each change (a revocation); the higher wins
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CredentialV1(
        String keyId,
        String role,
        String subjectId,
        String issuedBy,
        String societyId,
        List<String> platforms,
        List<String> periods,
        String secretSha256,
        Instant notBefore,
        Instant expiresAt,
        boolean revoked,
        int revision) {

    public static final String PARTY = "party";
    public static final String AUDITOR = "auditor";
    /** The explicit "every platform" or "every period" of an auditor's scope: never implied by an empty list. */
    public static final String ALL = "*";

    public CredentialV1 {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(role, "role");
        platforms = platforms == null ? List.of() : List.copyOf(platforms);
        periods = periods == null ? List.of() : List.copyOf(periods);
    }

    /** The same credential, revoked, one revision later. */
    public CredentialV1 revoke() {
        return new CredentialV1(keyId, role, subjectId, issuedBy, societyId, platforms, periods, secretSha256, notBefore, expiresAt,
                true, revision + 1);
    }

    /** Whether it may be used at {@code now}: not revoked, {@code notBefore <= now < expiresAt}. */
    public boolean validAt(Instant now) {
        return !revoked && (notBefore == null || !now.isBefore(notBefore)) && (expiresAt == null || now.isBefore(expiresAt));
    }

    /** The kind of token this credential is checked against. */
    @JsonIgnore
    public BearerKeys kind() {
        return AUDITOR.equals(role) ? BearerKeys.AUDITOR : BearerKeys.PARTY;
    }
}
