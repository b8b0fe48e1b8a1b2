-- Which request holds an unconfirmed (P) claim. A retry that finds a P claim takes it over and
-- publishes the event itself; the token keeps the earlier holder's release from deleting the
-- retry's claim. NULL for claims made before this migration (they behave as any other holder's).
ALTER TABLE event_claim ADD COLUMN claim_token bigint;
