-- Claims and disputes on issued statement lines (issue 14, section 5). A claim names an issued line (statement,
-- section, line number) or, for MISSING_USAGE, the usage instead; the line's figures are copied in, as the statement
-- shows them, for the adjustment an accepted claim becomes. An issued statement never changes: an accepted claim is
-- settled by the next close of a later period (settled_in_period, set in the transaction that issues it).
CREATE TABLE claim (
    claim_id          varchar(40)  PRIMARY KEY,
    type              varchar(32)  NOT NULL CHECK (type IN ('WRONG_SHARE', 'OVER_CLAIM', 'MISSING_USAGE', 'WRONG_WORK', 'UNLICENSED_USE_DISPUTED')),
    period_id         varchar(16)  NOT NULL,
    statement_id      text,
    section           varchar(16),
    line_number       int,
    statement_kind    varchar(8),
    addressee_id      text,
    platform_id       text         NOT NULL,
    society_id        text,
    party_id          text,
    work_id           varchar(2100) NOT NULL,
    work_category     text,
    usage_type        varchar(32)  NOT NULL,
    unit_kind         varchar(16)  NOT NULL,
    line_status       varchar(16)  NOT NULL,
    tariff_id         text,
    priced_with       text,
    currency          char(3)      NOT NULL,
    claimant_kind     varchar(8)   NOT NULL CHECK (claimant_kind IN ('SOCIETY', 'PARTY', 'OPERATOR')),
    claimant_id       text         NOT NULL,
    evidence          text         NOT NULL,
    state             varchar(16)  NOT NULL CHECK (state IN ('OPEN', 'ACCEPTED', 'REJECTED', 'WITHDRAWN')),
    corrections       text,
    settled_in_period varchar(16),
    created_at        timestamptz  NOT NULL,
    CHECK ((statement_id IS NULL) = (type = 'MISSING_USAGE'))
);
-- one OPEN claim per claimant, line and type (a second is refused with 409 naming the first)
CREATE UNIQUE INDEX claim_open_once ON claim (claimant_kind, claimant_id, statement_id, section, line_number, type)
    WHERE state = 'OPEN' AND statement_id IS NOT NULL;
CREATE INDEX claim_to_settle ON claim (period_id) WHERE state = 'ACCEPTED' AND settled_in_period IS NULL;
CREATE INDEX claim_period ON claim (period_id, claim_id);

-- who did what to a claim, and when
CREATE TABLE claim_history (
    claim_id   varchar(40) NOT NULL REFERENCES claim (claim_id),
    seq        int         NOT NULL,
    state      varchar(16) NOT NULL,
    actor_name text        NOT NULL,
    actor_role text        NOT NULL,
    at         timestamptz NOT NULL,
    note       text,
    PRIMARY KEY (claim_id, seq)
);
