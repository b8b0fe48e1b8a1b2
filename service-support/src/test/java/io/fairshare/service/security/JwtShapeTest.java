package io.fairshare.service.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which bearer tokens are left to smallrye-jwt when it is on: compact JWS only, never a Fairshare key. */
class JwtShapeTest {
    @Test
    void aCompactJwsIsJwtShapedWithOrWithoutASignature() {
        assertTrue(BearerAuthenticationMechanism.isJwtShaped("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl-_"));
        assertTrue(BearerAuthenticationMechanism.isJwtShaped("eyJhbGciOiJub25lIn0.eyJzdWIiOiJhbGljZSJ9."));
    }

    @Test
    void fairshareKeysAndOtherTokensAreNot() {
        // the shape of contracts' BearerKeys: <prefix><16 hex>_<43 base64url>
        assertFalse(BearerAuthenticationMechanism.isJwtShaped("fsk_0123456789abcdef_" + "Ab-_9".repeat(8) + "xyz"));
        assertFalse(BearerAuthenticationMechanism.isJwtShaped("fsr_0123456789abcdef_" + "Ab-_9".repeat(8) + "xyz"));
        assertFalse(BearerAuthenticationMechanism.isJwtShaped("test-operator-token"));
        assertFalse(BearerAuthenticationMechanism.isJwtShaped("a.b"));
        assertFalse(BearerAuthenticationMechanism.isJwtShaped("a.b.c.d"));
        assertFalse(BearerAuthenticationMechanism.isJwtShaped("a b.c.d"));
        assertFalse(BearerAuthenticationMechanism.isJwtShaped(".b.c"));
    }
}
