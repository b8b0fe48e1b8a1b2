-- A party's own view (issue 14, performance): its usage read from an aggregate kept as usage is appended, in the
-- transaction of each appended batch (UsageLedgerStore, PartyAggregates), never from a scan of usage_line.
-- One row per group the view shows: the GROUP BY it ran over usage_line before. Keys never null: '' stands for a
-- missing model, model version, society or tariff (read back as null). Lines without a party (UNCLAIMED) are not
-- kept: no party reads them.
-- events counts each event once per row it touches; units and attributed_x sum the lines (as the scan did).
CREATE TABLE party_usage_total (
    party_id      text          NOT NULL,
    settle_period varchar(8)    NOT NULL,
    usage_period  varchar(8)    NOT NULL,
    platform_id   varchar(64)   NOT NULL,
    model_id      varchar(200)  NOT NULL,
    model_version varchar(100)  NOT NULL,
    society_id    text          NOT NULL,
    work_id       varchar(2100) NOT NULL,
    work_category varchar(32)   NOT NULL,
    usage_type    varchar(16)   NOT NULL,
    unit_kind     varchar(16)   NOT NULL,
    status        varchar(16)   NOT NULL,
    tariff_id     text          NOT NULL,
    disputed      boolean       NOT NULL,
    back_claim    boolean       NOT NULL,
    events        bigint        NOT NULL,
    units         bigint        NOT NULL,
    attributed_x  numeric       NOT NULL,
    PRIMARY KEY (party_id, settle_period, usage_period, platform_id, model_id, model_version, society_id, work_id, work_category,
                 usage_type, unit_kind, status, tariff_id, disputed, back_claim)
);

-- Usage stored before this migration, aggregated once (the same counting as the ledger's).
INSERT INTO party_usage_total
SELECT party_id, settle_period, usage_period, platform_id, coalesce(model_id, ''), coalesce(model_version, ''), coalesce(society_id, ''),
       work_id, work_category, usage_type, unit_kind, status, coalesce(tariff_id, ''), disputed, back_claim,
       count(DISTINCT event_id), sum(units), sum(attributed_x)
FROM usage_line
WHERE party_id IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15;
