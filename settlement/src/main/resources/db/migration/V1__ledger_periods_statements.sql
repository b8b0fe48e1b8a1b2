-- Resolved usage, append-only. One row per event: the idempotency key (platform_id, event_id).
CREATE TABLE usage_event (
    platform_id   varchar(64)  NOT NULL,
    event_id      varchar(128) NOT NULL,
    usage_period  varchar(8)   NOT NULL,
    settle_period varchar(8)   NOT NULL,
    used_at       timestamptz  NOT NULL,
    recorded_at   timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (platform_id, event_id)
);

-- One row per (event, line), everything the close groups by, so that it reads one table.
-- settle_period: the period whose close settles the row: usage_period for regular usage, the first
-- open period for late usage (usage_period < settle_period means an adjustment of usage_period).
-- attributed_x = units x attribution weight x share in basis points (exact; / 10000 in Java).
CREATE TABLE usage_line (
    settle_period varchar(8)   NOT NULL,
    usage_period  varchar(8)   NOT NULL,
    platform_id   varchar(64)  NOT NULL,
    event_id      varchar(128) NOT NULL,
    society_id    varchar(64),
    party_id      varchar(64),
    work_id       varchar(64)  NOT NULL,
    work_category varchar(32)  NOT NULL,
    usage_type    varchar(16)  NOT NULL,
    unit_kind     varchar(16)  NOT NULL,
    tariff_id     varchar(64),
    status        varchar(16)  NOT NULL,
    disputed      boolean      NOT NULL,
    back_claim    boolean      NOT NULL,
    units         bigint       NOT NULL,
    attributed_x  numeric      NOT NULL
);
CREATE INDEX usage_line_settle ON usage_line (settle_period);

-- Resolved events the ledger could not take (they would make every close fail); nothing is dropped silently.
CREATE TABLE usage_refused (
    platform_id varchar(64),
    event_id    varchar(128),
    reason      text        NOT NULL,
    payload     text        NOT NULL,
    refused_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX usage_refused_event ON usage_refused (platform_id, event_id);

-- One row; the ledger holds it FOR SHARE while it writes a batch and a close holds it FOR UPDATE
-- while the period becomes CLOSING, so every usage row is either in the close's frozen set or late.
CREATE TABLE ledger_gate (id int PRIMARY KEY CHECK (id = 1));
INSERT INTO ledger_gate VALUES (1);

CREATE TABLE period (
    period_id        varchar(8)  PRIMARY KEY,
    state            varchar(8)  NOT NULL CHECK (state IN ('OPEN', 'CLOSING', 'CLOSED')),
    close_started_at timestamptz,
    closed_at        timestamptz
);

CREATE TABLE tariff (
    tariff_id  varchar(64) PRIMARY KEY,
    body       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Every version kept; the close uses the latest.
CREATE TABLE statutory_scheme (
    version    bigserial   PRIMARY KEY,
    body       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE revenue_declaration (
    platform_id varchar(64) NOT NULL,
    period_id   varchar(8)  NOT NULL,
    amount      numeric     NOT NULL CHECK (amount >= 0),
    declared_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (platform_id, period_id)
);

-- Issued statements: never updated, never deleted (see the trigger below).
CREATE TABLE statement (
    statement_id    varchar(200) PRIMARY KEY,
    period_id       varchar(8)   NOT NULL,
    kind            varchar(8)   NOT NULL CHECK (kind IN ('SOCIETY', 'PARTY', 'PLATFORM')),
    addressee_id    varchar(64)  NOT NULL,
    currency        char(3)      NOT NULL,
    total_minor     bigint       NOT NULL,
    sha256          char(64)     NOT NULL,
    canonical       bytea        NOT NULL,
    csv             bytea        NOT NULL,
    dsr             bytea,
    adjusts_periods varchar(8)[] NOT NULL,
    issued_at       timestamptz  NOT NULL
);
CREATE INDEX statement_period ON statement (period_id);

CREATE FUNCTION refuse_statement_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'issued statements are immutable (% refused)', TG_OP USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER statement_immutable BEFORE UPDATE OR DELETE ON statement
    FOR EACH ROW EXECUTE FUNCTION refuse_statement_change();
CREATE TRIGGER statement_no_truncate BEFORE TRUNCATE ON statement
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_statement_change();

-- Transactional outbox of statement announcements, relayed to fairshare.statements.issued.v1.
CREATE TABLE statement_outbox (
    seq          bigserial    PRIMARY KEY,
    statement_id varchar(200) NOT NULL UNIQUE,
    payload      text         NOT NULL,
    published_at timestamptz
);
CREATE INDEX statement_outbox_pending ON statement_outbox (seq) WHERE published_at IS NULL;
