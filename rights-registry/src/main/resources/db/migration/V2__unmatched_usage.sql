-- Usage whose work the registry could not resolve, held for a back-claim (written by the unmatched-store consumer
-- of fairshare.usage.unmatched.v1, idempotently on (platform_id, event_id)).
--   identifiers      every lookup key of the event (scheme:value as reported, and its canonical form), so that a new
--                    work finds the events it resolves through the GIN index (identifiers && ARRAY[...])
--   payload          the UsageAcceptedV1, as accepted
--   back_claimed_at  set, once, in the transaction that published the event as a back-claim; null while held
CREATE TABLE unmatched_usage (
    platform_id      text NOT NULL,
    event_id         text NOT NULL,
    identifiers      text[] NOT NULL,
    reason           text NOT NULL,
    payload          jsonb NOT NULL,
    held_at          timestamptz NOT NULL,
    back_claimed_at  timestamptz,
    PRIMARY KEY (platform_id, event_id)
);
CREATE INDEX unmatched_usage_identifiers ON unmatched_usage USING GIN (identifiers);
-- the rows still held, for the periodic sweep and for operators
CREATE INDEX unmatched_usage_held ON unmatched_usage (platform_id, event_id) WHERE back_claimed_at IS NULL;
