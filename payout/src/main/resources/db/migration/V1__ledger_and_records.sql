-- Payout's double-entry ledger and the documents beside it. Every write runs in one transaction that
-- first takes the ledger's advisory lock (see PayoutDatabase), so balances read by the posting rules
-- cannot move under them.

CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'restrict_violation';
END $$;

-- Ledger transactions: recorded once, never changed. The id is the caller's idempotency key.
CREATE TABLE ledger_transaction (
    seq         bigserial    NOT NULL UNIQUE,
    tx_id       varchar(300) PRIMARY KEY,
    source_kind varchar(32)  NOT NULL,
    source_id   varchar(300) NOT NULL,
    posted_at   timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE posting (
    tx_id    varchar(300) NOT NULL REFERENCES ledger_transaction (tx_id),
    line_no  integer      NOT NULL CHECK (line_no >= 0),
    acc_type varchar(32)  NOT NULL CHECK (acc_type IN ('RECEIVABLE', 'PLATFORM_CREDIT', 'PAYABLE', 'RECOVERABLE', 'HOLDBACK_UNCLAIMED',
                                                        'HOLDBACK_DISPUTED', 'HOLDBACK_RESERVED', 'IN_TRANSIT', 'CLEARING')),
    owner    varchar(200) NOT NULL CHECK (owner <> ''),
    period   varchar(16)  NOT NULL,  -- '' for an account without a period
    currency char(3)      NOT NULL,
    side     char(1)      NOT NULL CHECK (side IN ('D', 'C')),
    amount   bigint       NOT NULL CHECK (amount > 0),
    PRIMARY KEY (tx_id, line_no)
);
CREATE INDEX posting_account ON posting (acc_type, owner, currency, period);

-- Balances per account in the account's normal sense, maintained by the trigger below from the postings
-- only. Only the clearing (bank) account may go negative.
CREATE TABLE account (
    acc_type varchar(32)  NOT NULL,
    owner    varchar(200) NOT NULL,
    period   varchar(16)  NOT NULL,
    currency char(3)      NOT NULL,
    balance  bigint       NOT NULL,
    PRIMARY KEY (acc_type, owner, currency, period),
    CONSTRAINT account_not_negative CHECK (balance >= 0 OR acc_type = 'CLEARING')
);

CREATE FUNCTION apply_posting() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    effect bigint;
BEGIN
    IF (NEW.side = 'D') = (NEW.acc_type IN ('RECEIVABLE', 'RECOVERABLE', 'CLEARING')) THEN
        effect := NEW.amount;
    ELSE
        effect := -NEW.amount;
    END IF;
    -- UPDATE first: INSERT .. ON CONFLICT would check the constraint on the candidate row (the bare effect) first
    UPDATE account SET balance = balance + effect
     WHERE acc_type = NEW.acc_type AND owner = NEW.owner AND currency = NEW.currency AND period = NEW.period;
    IF NOT FOUND THEN
        INSERT INTO account (acc_type, owner, period, currency, balance) VALUES (NEW.acc_type, NEW.owner, NEW.period, NEW.currency, effect);
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER posting_applies AFTER INSERT ON posting FOR EACH ROW EXECUTE FUNCTION apply_posting();

-- At commit: every transaction has postings, and debits equal credits in each currency.
CREATE FUNCTION check_transaction_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    unbalanced record;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM posting WHERE tx_id = NEW.tx_id) THEN
        RAISE EXCEPTION 'ledger transaction % has no postings', NEW.tx_id USING ERRCODE = 'check_violation';
    END IF;
    SELECT currency, sum(CASE side WHEN 'D' THEN amount ELSE -amount END) AS imbalance INTO unbalanced
      FROM posting WHERE tx_id = NEW.tx_id GROUP BY currency
    HAVING sum(CASE side WHEN 'D' THEN amount ELSE -amount END) <> 0 LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'ledger transaction % is unbalanced in % by %', NEW.tx_id, unbalanced.currency, unbalanced.imbalance
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER ledger_transaction_balanced AFTER INSERT ON ledger_transaction
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_transaction_balanced();

-- Account balances change only through postings.
CREATE FUNCTION refuse_account_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF pg_trigger_depth() < 2 THEN
        RAISE EXCEPTION 'account balances change only by posting (% refused)', TG_OP USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER account_by_postings_only BEFORE INSERT OR UPDATE OR DELETE ON account
    FOR EACH ROW EXECUTE FUNCTION refuse_account_change();

-- Documents: the idempotency inbox and the other side of reconciliation. Bodies are the domain records as JSON.
CREATE TABLE statement (
    seq          bigserial    NOT NULL UNIQUE,
    statement_id varchar(200) PRIMARY KEY,
    kind         varchar(8)   NOT NULL,
    period_id    varchar(16)  NOT NULL,
    body         jsonb        NOT NULL,
    received_at  timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE receipt (
    seq         bigserial    NOT NULL UNIQUE,
    source_id   varchar(420) PRIMARY KEY,
    platform_id varchar(200) NOT NULL,
    body        jsonb        NOT NULL,
    received_at timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE payout_run (
    seq        bigserial   NOT NULL UNIQUE,
    run_id     varchar(30) PRIMARY KEY,
    value_date date        NOT NULL,
    created_at timestamptz NOT NULL,
    body       jsonb       NOT NULL
);

CREATE TABLE payment (
    end_to_end_id varchar(35) PRIMARY KEY,
    run_id        varchar(30) NOT NULL REFERENCES payout_run (run_id),
    payee_id      varchar(200) NOT NULL,
    currency      char(3)     NOT NULL,
    amount        bigint      NOT NULL CHECK (amount > 0),
    body          jsonb       NOT NULL
);

-- The pain.001 file of a run, generated once in the run's transaction; the file on disk is a copy.
CREATE TABLE run_file (
    run_id   varchar(30) PRIMARY KEY REFERENCES payout_run (run_id),
    xml      text        NOT NULL,
    sha256   char(64)    NOT NULL,
    nb_of_txs integer    NOT NULL,
    ctrl_sum numeric     NOT NULL
);

CREATE TABLE holdback_release (
    seq        bigserial    NOT NULL UNIQUE,
    release_id varchar(200) PRIMARY KEY,
    body       jsonb        NOT NULL
);

CREATE TRIGGER ledger_transaction_immutable BEFORE UPDATE OR DELETE ON ledger_transaction FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER ledger_transaction_no_truncate BEFORE TRUNCATE ON ledger_transaction FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER posting_immutable BEFORE UPDATE OR DELETE ON posting FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER posting_no_truncate BEFORE TRUNCATE ON posting FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER account_no_truncate BEFORE TRUNCATE ON account FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER statement_immutable BEFORE UPDATE OR DELETE ON statement FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER receipt_immutable BEFORE UPDATE OR DELETE ON receipt FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER payout_run_immutable BEFORE UPDATE OR DELETE ON payout_run FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER payment_immutable BEFORE UPDATE OR DELETE ON payment FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER run_file_immutable BEFORE UPDATE OR DELETE ON run_file FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER holdback_release_immutable BEFORE UPDATE OR DELETE ON holdback_release FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER documents_no_truncate BEFORE TRUNCATE ON statement FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- Payment status: the current status (mutable) and every change (append-only).
CREATE TABLE payment_status (
    end_to_end_id varchar(35) PRIMARY KEY REFERENCES payment (end_to_end_id),
    status        varchar(10) NOT NULL CHECK (status IN ('PLANNED', 'SENT', 'SETTLED', 'FAILED', 'RETURNED')),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE payment_status_event (
    seq           bigserial   PRIMARY KEY,
    end_to_end_id varchar(35) NOT NULL REFERENCES payment (end_to_end_id),
    status        varchar(10) NOT NULL,
    reason        text,
    recorded_at   timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER payment_status_event_immutable BEFORE UPDATE OR DELETE ON payment_status_event FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- Bank details of payees (societies, and parties paid directly): replaced by a new registration.
CREATE TABLE bank_details (
    payee_id      varchar(200) PRIMARY KEY,
    body          jsonb        NOT NULL,
    registered_at timestamptz  NOT NULL DEFAULT now()
);

-- Statement messages that could not be booked, with the reason; the stream goes on past them.
CREATE TABLE statement_dead_letter (
    seq          bigserial    PRIMARY KEY,
    topic        varchar(200) NOT NULL,
    partition_no integer      NOT NULL,
    offset_no    bigint       NOT NULL,
    message_key  text,
    statement_id varchar(200),
    reason_code  varchar(40)  NOT NULL,
    reason       text         NOT NULL,
    payload      text,
    received_at  timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (topic, partition_no, offset_no)
);
