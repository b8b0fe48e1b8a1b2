-- The model dimension (issue 14): which model (id, version) used the work, and the training run and
-- dataset when the event named them, on every usage line. Null on lines stored before this migration.
-- Nullable columns without a default: PostgreSQL adds them without rewriting the table.
ALTER TABLE usage_line
    ADD COLUMN model_id        varchar(200),
    ADD COLUMN model_version   varchar(100),
    ADD COLUMN training_run_id varchar(200),
    ADD COLUMN dataset_id      varchar(200);
