-- The close reads an aggregate, not usage_line (issue 15, throughput). party_usage_total (V120) becomes usage_total:
-- every line, with a party or without one (UNCLAIMED remainders), kept per appended batch in the batch's transaction
-- (UsageLedgerStore, UsageTotals), so a close's snapshot of it is the GROUP BY of the lines in that snapshot.
-- Keys never null: '' stands for a missing party, model, model version, society or tariff (read back as null).
-- events counts each event once per row it touches (the party view's figure); lines counts the lines (the close's
-- count(*)); units and attributed_x sum the lines. Only the events the ledger inserted are counted: a redelivery once.
CREATE TABLE usage_total (
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
    lines         bigint        NOT NULL,
    units         bigint        NOT NULL,
    attributed_x  numeric       NOT NULL,
    PRIMARY KEY (party_id, settle_period, usage_period, platform_id, model_id, model_version, society_id, work_id, work_category,
                 usage_type, unit_kind, status, tariff_id, disputed, back_claim)
);
-- the close reads one settle period (and, at the first close, the ones before it)
CREATE INDEX usage_total_settle ON usage_total (settle_period);

-- Recomputed from usage_line (the truth), not copied from party_usage_total, which had no party-less lines.
INSERT INTO usage_total
SELECT coalesce(party_id, ''), settle_period, usage_period, platform_id, coalesce(model_id, ''), coalesce(model_version, ''),
       coalesce(society_id, ''), work_id, work_category, usage_type, unit_kind, status, coalesce(tariff_id, ''), disputed, back_claim,
       count(DISTINCT event_id), count(*), sum(units), sum(attributed_x)
FROM usage_line
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15;

DROP TABLE party_usage_total;
