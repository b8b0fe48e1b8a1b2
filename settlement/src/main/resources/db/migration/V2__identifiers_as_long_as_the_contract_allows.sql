-- The resolved-usage contract allows work keys of up to 2100 characters (sha256: keys are 71, url: keys
-- up to 2052) and does not bound party, society or tariff ids. varchar(64) made one such event fail
-- every append of its batch, and so stop the whole ledger consumer. Widening a varchar is a catalogue
-- change in PostgreSQL: no table rewrite.
ALTER TABLE usage_line ALTER COLUMN work_id TYPE varchar(2100);
ALTER TABLE usage_line ALTER COLUMN party_id TYPE text;
ALTER TABLE usage_line ALTER COLUMN society_id TYPE text;
ALTER TABLE usage_line ALTER COLUMN tariff_id TYPE text;
ALTER TABLE statement ALTER COLUMN addressee_id TYPE text;
