-- Platforms and their API keys (only the SHA-256 of a key's secret is kept).
CREATE TABLE platform (
    id          varchar(63) PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    name        text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_key (
    key_id      char(16)    PRIMARY KEY,
    platform_id varchar(63) NOT NULL REFERENCES platform (id),
    secret_hash bytea       NOT NULL CHECK (length(secret_hash) = 32),
    created_at  timestamptz NOT NULL,
    -- set when the key is rotated: the old key keeps working until then
    expires_at  timestamptz,
    revoked_at  timestamptz
);
CREATE INDEX api_key_platform ON api_key (platform_id);

-- Idempotency: one row per (platform, event id) ever submitted, for the retention period.
-- state P = claimed by an in-flight request, A = acknowledged by Kafka.
CREATE TABLE event_claim (
    platform_id varchar(63)  NOT NULL,
    event_id    varchar(128) NOT NULL,
    state       char(1)      NOT NULL CHECK (state IN ('P', 'A')),
    claimed_at  timestamptz  NOT NULL,
    PRIMARY KEY (platform_id, event_id)
);
-- claimed_at grows with insertion order, so a BRIN index serves the retention sweep at almost no
-- insert cost.
CREATE INDEX event_claim_age ON event_claim USING brin (claimed_at);
