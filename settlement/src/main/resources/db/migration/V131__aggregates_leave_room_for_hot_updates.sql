-- The aggregates the ledger adds to in each appended batch (issue 15, throughput): most of a batch's rows are updates of
-- rows already there (the same works used again in the same period), and at the default fillfactor (100) a page has no
-- room for a row's new version, so each update writes new entries into every index, the 15-column primary key of
-- usage_total included. With room left on each page, PostgreSQL updates such a row in place (a HOT update: no indexed
-- column changes), which the append benchmark measured at two to three times cheaper. Only pages written from now on
-- keep the room (VACUUM FULL or a dump and restore rewrites the older ones); nothing else changes.
ALTER TABLE usage_total SET (fillfactor = 50);
ALTER TABLE disclosure_work SET (fillfactor = 50);
ALTER TABLE disclosure_total SET (fillfactor = 50);
