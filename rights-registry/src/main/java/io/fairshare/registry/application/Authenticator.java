package io.fairshare.registry.application;

import io.fairshare.contracts.credentials.BearerKeys;
import io.fairshare.registry.config.RegistryConfig;
import io.fairshare.registry.domain.SocietyId;
import io.fairshare.registry.persistence.CatalogueStore;
import io.fairshare.service.rest.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Turns an {@code Authorization: Bearer ...} header into a {@link Caller}: the authority token from
 * {@code fairshare.registry.authority-token}, or a society API key ({@link BearerKeys#SOCIETY}). Anything else is 401.
 */
@ApplicationScoped
public class Authenticator {
    private final Optional<byte[]> authority;
    private final CatalogueStore store;

    public Authenticator(RegistryConfig config, CatalogueStore store) {
        this.authority = config.authorityToken().filter(t -> !t.isBlank()).map(t -> t.getBytes(StandardCharsets.UTF_8));
        this.store = store;
    }

    public Caller authenticate(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiProblem.unauthorized("send Authorization: Bearer <authority token or society API key>");
        }
        String token = header.substring(7).trim();
        if (authority.isPresent() && MessageDigest.isEqual(authority.get(), token.getBytes(StandardCharsets.UTF_8))) {
            return Caller.AUTHORITY;
        }
        Optional<BearerKeys.Presented> p = BearerKeys.SOCIETY.parse(token);
        if (p.isPresent()) {
            Object[] row = store.societyKey(p.get().keyId());
            if (row != null && BearerKeys.matches(p.get().secret(), (byte[]) row[1])) {
                return new Caller(new SocietyId((String) row[0]));
            }
        }
        throw ApiProblem.unauthorized("the bearer token is not a valid authority token or society API key");
    }

    /** 403 unless the caller is the authority. */
    public static void requireAuthority(Caller caller, String what) {
        if (!caller.isAuthority()) {
            throw ApiProblem.forbidden("only the registry authority may " + what);
        }
    }
}
