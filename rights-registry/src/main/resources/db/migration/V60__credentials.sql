-- Party and auditor credentials (issue 14): fsp_<key id>_<secret> and fsa_<key id>_<secret>. Only the SHA-256 of
-- the secret is kept; the token is shown once, in the 201 of its issue. doc is the CredentialV1 as published to
-- fairshare.credentials.v1 (its latest revision); the columns are what queries and checks need.
CREATE TABLE credential (
    key_id      text PRIMARY KEY,
    role        text NOT NULL CHECK (role IN ('party', 'auditor')),
    subject_id  text NOT NULL,
    issued_by   text NOT NULL,
    society_id  text,
    revoked_at  timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now(),
    doc         jsonb NOT NULL
);
CREATE INDEX credential_society ON credential (society_id) WHERE society_id IS NOT NULL;

-- The outbox carries credentials too: the relay sends each row to its topic, in seq order. Rows written before
-- this migration, and every catalogue change, go to fairshare.registry.changes.v1.
ALTER TABLE catalogue_change ADD COLUMN topic text NOT NULL DEFAULT 'fairshare.registry.changes.v1';
