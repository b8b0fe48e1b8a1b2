package io.fairshare.ingest.application;

import io.fairshare.ingest.persistence.ClaimHolder;
import io.fairshare.ingest.persistence.IdempotencyKeyStore;
import io.fairshare.service.ServiceUnavailableException;
import io.fairshare.service.persistence.StorageException;
import io.fairshare.service.rest.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Requests sent with an {@code Idempotency-Key} (Stripe's rule, and the IETF draft "The Idempotency-Key HTTP Header
 * Field"): the first request under a key runs and its answer is kept; the same key with the same request gets that
 * answer again, byte for byte ({@code Idempotent-Replayed: true}), so that a retried batch reads "accepted" as the
 * first answer did; the same key with another request is a 409; a key whose first request is still running is a
 * 409 with Retry-After. A request that fails (an error answer, a crash) keeps no answer: the next one runs afresh,
 * and the per-event idempotency on (platform, event id) still holds underneath. Keys are kept as long as event ids.
 */
@ApplicationScoped
public class IdempotentRequests {
    private static final Logger LOG = Logger.getLogger(IdempotentRequests.class);
    /** Printable ASCII, 1 to 255 characters (a UUID is the usual choice). */
    private static final Pattern KEY = Pattern.compile("[\\x20-\\x7E]{1,255}");

    /** An answer: the JSON body, and whether it is a replay of an earlier request's. */
    public record Answer(String json, boolean replayed) {
    }

    private final IdempotencyKeyStore store;
    private final ClaimHolder holder;

    public IdempotentRequests(IdempotencyKeyStore store, ClaimHolder holder) {
        this.store = store;
        this.holder = holder;
    }

    /** Checks the header's value: a 400 problem when it is not 1 to 255 printable ASCII characters. */
    public static String checkedKey(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new ApiProblem(400, "idempotency-key-invalid", "Invalid Idempotency-Key",
                    "Idempotency-Key must be 1 to 255 printable ASCII characters, e.g. a UUID");
        }
        return key;
    }

    /** Runs {@code request} once per key, or answers what it answered before. */
    public Answer answer(String platformId, String key, byte[] requestSha256, Supplier<String> request) {
        long token = holder.nextToken();
        try {
            for (int attempt = 0; !store.take(platformId, key, requestSha256, token); attempt++) {
                Optional<IdempotencyKeyStore.Stored> stored = store.read(platformId, key);
                if (stored.isEmpty()) {
                    if (attempt < 3) {
                        continue; // given up between the two statements: take it again
                    }
                    throw new ServiceUnavailableException("Idempotency-Key " + key + " is contended; retry", null);
                }
                IdempotencyKeyStore.Stored s = stored.get();
                if (!Arrays.equals(s.requestSha256(), requestSha256)) {
                    throw ApiProblem.conflict("idempotency-key-reused", "Idempotency-Key " + key
                            + " was used for another request (another body or content type): use a new key for a new request");
                }
                if (s.answered()) {
                    return new Answer(s.response(), true);
                }
                throw ApiProblem.conflict("request-in-progress", "a request with Idempotency-Key " + key
                        + " is still running; retry after it answered").withHeader("Retry-After", "1");
            }
        } catch (StorageException e) {
            throw new ServiceUnavailableException("the idempotency store (PostgreSQL) is unavailable", e);
        }
        String json;
        try {
            json = request.get();
        } catch (RuntimeException e) {
            giveUp(platformId, key, token);
            throw e;
        }
        try {
            store.answer(platformId, key, token, json);
        } catch (StorageException e) {
            // the answer is true (the events are stored); only its replay is lost: a retry runs afresh
            LOG.warnf(e, "could not keep the answer under Idempotency-Key %s of platform %s", key, platformId);
            giveUp(platformId, key, token);
        }
        return new Answer(json, false);
    }

    private void giveUp(String platformId, String key, long token) {
        try {
            store.giveUp(platformId, key, token);
        } catch (StorageException e) {
            LOG.warnf(e, "could not give up Idempotency-Key %s of platform %s; it is taken over once this instance is gone", key, platformId);
        }
    }
}
