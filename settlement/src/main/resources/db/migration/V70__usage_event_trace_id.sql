-- The OpenTelemetry trace of each event (32 hex digits), as its resolved record's traceparent named it: from a
-- statement line (usage_line) to its events (usage_event) to their traces, across ingest, registry and settlement.
-- Null for events recorded before tracing or received without a traceparent. Adding a nullable column without a
-- default rewrites no rows.
ALTER TABLE usage_event ADD COLUMN trace_id varchar(32);
