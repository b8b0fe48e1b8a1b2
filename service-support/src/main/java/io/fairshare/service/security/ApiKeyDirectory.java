package io.fairshare.service.security;

import java.util.Optional;

/**
 * The SPI each service implements for the keys it owns: the caller a presented bearer token
 * belongs to, or empty when the token is not one of its valid keys. Called on a worker thread
 * (never the IO thread), so an implementation may query its database; it should cache with
 * {@link TtlCache}. A store outage is an exception (a 503), not an empty answer.
 */
public interface ApiKeyDirectory {
    Optional<Caller> find(String token);
}
