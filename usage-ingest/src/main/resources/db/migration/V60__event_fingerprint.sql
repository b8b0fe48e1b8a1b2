-- What each claimed event said (EventFingerprint: a version byte and a 64-bit hash per field), so that the
-- same event id submitted again with other content is answered CONFLICT, naming the fields that differ, instead
-- of DUPLICATE. NULL for claims made before this migration: they answer DUPLICATE as before.
ALTER TABLE event_claim ADD COLUMN fingerprint bytea;
