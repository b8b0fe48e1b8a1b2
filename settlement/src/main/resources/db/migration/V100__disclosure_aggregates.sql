-- Disclosure reports (issue 14, section 2): aggregates kept as usage is appended, in the transaction of each
-- appended batch (UsageLedgerStore), so that a model's report reads a few rows and never scans usage_line.
-- Keys never null: '' stands for a missing model, model version or society.
-- events/units count each event once (on the first (society, status) of its lines): they sum to the model's
-- totals, by work category and by usage type. society_events/society_units count an event once per society its
-- lines name (on its first row of that society), status_events/status_units once per licence status: the society
-- and licence status figures (an event whose lines name two societies counts in both).
CREATE TABLE disclosure_total (
    settle_period varchar(8)   NOT NULL,
    platform_id   varchar(64)  NOT NULL,
    model_id      varchar(200) NOT NULL,
    model_version varchar(100) NOT NULL,
    work_category varchar(32)  NOT NULL,
    usage_type    varchar(16)  NOT NULL,
    society_id    text         NOT NULL,
    status        varchar(16)  NOT NULL,
    events        bigint       NOT NULL,
    units         bigint       NOT NULL,
    society_events bigint      NOT NULL,
    society_units  bigint      NOT NULL,
    status_events  bigint      NOT NULL,
    status_units   bigint      NOT NULL,
    PRIMARY KEY (settle_period, platform_id, model_id, model_version, work_category, usage_type, society_id, status)
);

-- The detailed report, down to works: an event counts once per (work, society, status) it touches.
CREATE TABLE disclosure_work (
    settle_period varchar(8)    NOT NULL,
    platform_id   varchar(64)   NOT NULL,
    model_id      varchar(200)  NOT NULL,
    model_version varchar(100)  NOT NULL,
    work_id       varchar(2100) NOT NULL,
    society_id    text          NOT NULL,
    status        varchar(16)   NOT NULL,
    events        bigint        NOT NULL,
    units         bigint        NOT NULL,
    PRIMARY KEY (settle_period, platform_id, model_id, model_version, work_id, society_id, status)
);

-- Usage stored before this migration, aggregated once (the same counting as the ledger's).
WITH pairs AS (
    SELECT DISTINCT settle_period, platform_id, event_id, coalesce(model_id, '') AS model_id,
           coalesce(model_version, '') AS model_version, work_id, work_category, usage_type,
           coalesce(society_id, '') AS society_id, status, units
    FROM usage_line
), ranked AS (
    SELECT p.*, row_number() OVER (PARTITION BY platform_id, event_id ORDER BY society_id, status) AS n,
           row_number() OVER (PARTITION BY platform_id, event_id, society_id ORDER BY status) AS ns,
           row_number() OVER (PARTITION BY platform_id, event_id, status ORDER BY society_id) AS nt
    FROM pairs p
)
INSERT INTO disclosure_total
SELECT settle_period, platform_id, model_id, model_version, work_category, usage_type, society_id, status,
       count(*) FILTER (WHERE n = 1), coalesce(sum(units) FILTER (WHERE n = 1), 0),
       count(*) FILTER (WHERE ns = 1), coalesce(sum(units) FILTER (WHERE ns = 1), 0),
       count(*) FILTER (WHERE nt = 1), coalesce(sum(units) FILTER (WHERE nt = 1), 0)
FROM ranked GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;

INSERT INTO disclosure_work
SELECT settle_period, platform_id, model_id, model_version, work_id, society_id, status, count(*), sum(units)
FROM (SELECT DISTINCT settle_period, platform_id, event_id, coalesce(model_id, '') AS model_id,
             coalesce(model_version, '') AS model_version, work_id, coalesce(society_id, '') AS society_id, status, units
      FROM usage_line) w
GROUP BY 1, 2, 3, 4, 5, 6, 7;
