-- Idempotency-Key on POST /v1/usage-events (Stripe's rule): the first request under a key is answered and its
-- answer kept; a retry with the same key and the same request gets the same answer again, a request with the same
-- key and another body is a 409. state P: a request holds the key (claim_token, as in event_claim); D: answered.
CREATE TABLE idempotency_key (
    platform_id    varchar(64)  NOT NULL,
    idem_key       varchar(255) NOT NULL,
    request_sha256 bytea        NOT NULL,
    state          char(1)      NOT NULL CHECK (state IN ('P', 'D')),
    claim_token    bigint       NOT NULL,
    response       text,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (platform_id, idem_key)
);
CREATE INDEX idempotency_key_created ON idempotency_key (created_at);
