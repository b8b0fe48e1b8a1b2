package io.fairshare.payout.it;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/**
 * A test identity provider: an RSA key pair whose public half payout trusts in {@link JwtSignInProfile}
 * (a PEM file under target/), and tokens signed with it. The pair is kept in files so that the test
 * and the profile (loaded by different class loaders) share one.
 */
final class IdpKeys {
    static final String ISSUER = "https://idp.test.fairshare.io/realms/clearing-house";
    static final Path DIR = Path.of("target", "test-idp");
    static final Path PUBLIC_PEM = DIR.resolve("public.pem");
    private static final Path PRIVATE_DER = DIR.resolve("private.der");

    private IdpKeys() {
    }

    /** The IdP's signing key, created on first use. */
    static synchronized PrivateKey signingKey() {
        try {
            if (!Files.exists(PRIVATE_DER) || !Files.exists(PUBLIC_PEM)) {
                KeyPair pair = newPair();
                Files.createDirectories(DIR);
                Files.write(PRIVATE_DER, pair.getPrivate().getEncoded());
                Files.writeString(PUBLIC_PEM, "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
            }
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(PRIVATE_DER)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair newPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Claims as the IdP issues them: its issuer, the subject, the groups, valid for five minutes from now. */
    static JwtClaimsBuilder claims(String subject, String... groups) {
        Instant now = Instant.now();
        return Jwt.issuer(ISSUER).subject(subject).groups(Set.of(groups)).issuedAt(now).expiresAt(now.plusSeconds(300));
    }

    /** A token the IdP signs. */
    static String token(String subject, String... groups) {
        return claims(subject, groups).sign(signingKey());
    }
}
