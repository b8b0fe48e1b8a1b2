package io.fairshare.payout.application;

import io.fairshare.contracts.credentials.BearerKeys;
import io.fairshare.service.ServiceUnavailableException;
import io.fairshare.service.credentials.CredentialBook;
import io.fairshare.service.security.ApiKeyDirectory;
import io.fairshare.service.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Payout's directory of the party and auditor keys rights-registry issued: the {@link CredentialBook} that
 * {@code messaging.CredentialTopic} keeps in step with {@code fairshare.credentials.v1} (read from the beginning at
 * every start, see service-support's {@code CredentialFeed}). A {@code fsp_} or {@code fsa_} token it does not know
 * is refused (401), except while the topic is still being read at start-up: then 503, retry shortly.
 */
@ApplicationScoped
public class LearntCredentials implements ApiKeyDirectory {
    private final CredentialBook book = new CredentialBook();
    private volatile BooleanSupplier caughtUp = () -> false;

    public CredentialBook book() {
        return book;
    }

    /** Called by the topic reader once started: whether it has read what the topic held at start. */
    public void readBy(BooleanSupplier caughtUp) {
        this.caughtUp = caughtUp;
    }

    @Override
    public Optional<Caller> find(String token) {
        Optional<Caller> c = book.find(token);
        if (c.isEmpty() && !caughtUp.getAsBoolean()
                && (BearerKeys.PARTY.parse(token).isPresent() || BearerKeys.AUDITOR.parse(token).isPresent())) {
            throw new ServiceUnavailableException("payout is still reading the issued credentials; retry shortly", null);
        }
        return c;
    }
}
