package io.fairshare.service.credentials;

import io.fairshare.contracts.credentials.BearerKeys;
import io.fairshare.service.ServiceUnavailableException;
import io.fairshare.service.security.ApiKeyDirectory;
import io.fairshare.service.security.Caller;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A service's directory of the party and auditor keys rights-registry issued: a {@link CredentialBook} kept in step
 * with {@code fairshare.credentials.v1} by the {@link CredentialFeed} that {@link #follow(Map)} starts. A {@code fsp_}
 * or {@code fsa_} token it does not know is no caller (401), except while the topic is still being read at start-up:
 * then a {@link ServiceUnavailableException} (503, retry shortly). Plain Java; a service wraps it in its own bean.
 */
public final class LearntCredentialDirectory implements ApiKeyDirectory {
    private final String service;
    private final CredentialBook book;
    private volatile BooleanSupplier caughtUp = () -> false;

    /** {@code service}: the service's name, for the 503's detail. */
    public LearntCredentialDirectory(String service) {
        this(service, new CredentialBook());
    }

    public LearntCredentialDirectory(String service, CredentialBook book) {
        this.service = service;
        this.book = book;
    }

    public CredentialBook book() {
        return book;
    }

    /** Called by the topic reader once started: whether it has read what the topic held at start. */
    public void readBy(BooleanSupplier caughtUp) {
        this.caughtUp = caughtUp;
    }

    /** Starts a {@link CredentialFeed} into this directory's book (the caller closes it at shutdown). */
    public CredentialFeed follow(Map<String, Object> kafka) {
        CredentialFeed feed = new CredentialFeed(kafka, book);
        feed.start();
        readBy(feed::caughtUp);
        return feed;
    }

    @Override
    public Optional<Caller> find(String token) {
        Optional<Caller> c = book.find(token);
        if (c.isEmpty() && !caughtUp.getAsBoolean()
                && (BearerKeys.PARTY.parse(token).isPresent() || BearerKeys.AUDITOR.parse(token).isPresent())) {
            throw new ServiceUnavailableException(service + " is still reading the issued credentials; retry shortly", null);
        }
        return c;
    }
}
