package io.fairshare.payout.it;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Operators sign in with the test IdP's JWTs: smallrye-jwt on, its public key and issuer, an auditor group, named by preferred_username. */
public class JwtSignInProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        IdpKeys.signingKey();
        return Map.of(
                "quarkus.smallrye-jwt.enabled", "true",
                "mp.jwt.verify.publickey.location", IdpKeys.PUBLIC_PEM.toAbsolutePath().toUri().toString(),
                "mp.jwt.verify.issuer", IdpKeys.ISSUER,
                "fairshare.security.jwt.auditor-group", "fairshare-auditor",
                "fairshare.security.jwt.name-claim", "preferred_username");
    }
}
