-- Issue 14 section 4: the statement log. Every issued statement line is a leaf of one append-only
-- RFC 9162 Merkle tree; each close appends its period's lines and signs a tree head that names the
-- previous head's hash. Leaves and heads never change (triggers below).

-- The operator's signing key when none is configured (fairshare.settlement.transparency.private-key):
-- generated at first start, for development and tests only; production configures its own key.
CREATE TABLE transparency_key (
    id               smallint    PRIMARY KEY CHECK (id = 1),
    private_key      text        NOT NULL,
    public_key       text        NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE transparency_tree_head (
    period_id         varchar(8)  PRIMARY KEY REFERENCES period (period_id),
    seq               bigint      NOT NULL UNIQUE,
    tree_size         bigint      NOT NULL,
    period_first_leaf bigint      NOT NULL,
    period_leaf_count bigint      NOT NULL,
    root_hash         bytea       NOT NULL,
    head_hash         bytea       NOT NULL,
    head_json         text        NOT NULL,
    public_key        text        NOT NULL,
    issued_at         timestamptz NOT NULL,
    CHECK (period_first_leaf + period_leaf_count = tree_size)
);

-- Leaf order: the log's leaves in index order, each naming the statement line it hashes.
CREATE TABLE transparency_leaf (
    leaf_index   bigint       PRIMARY KEY,
    period_id    varchar(8)   NOT NULL REFERENCES transparency_tree_head (period_id),
    statement_id varchar(200) NOT NULL REFERENCES statement (statement_id),
    section      varchar(16)  NOT NULL,
    line_number  integer      NOT NULL,
    leaf_hash    bytea        NOT NULL,
    UNIQUE (statement_id, section, line_number)
);

CREATE FUNCTION refuse_transparency_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the transparency log is append-only: % on % refused', TG_OP, TG_TABLE_NAME;
END $$;

CREATE TRIGGER transparency_head_immutable BEFORE UPDATE OR DELETE ON transparency_tree_head
    FOR EACH ROW EXECUTE FUNCTION refuse_transparency_change();
CREATE TRIGGER transparency_leaf_immutable BEFORE UPDATE OR DELETE ON transparency_leaf
    FOR EACH ROW EXECUTE FUNCTION refuse_transparency_change();
CREATE TRIGGER transparency_head_no_truncate BEFORE TRUNCATE ON transparency_tree_head
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_transparency_change();
CREATE TRIGGER transparency_leaf_no_truncate BEFORE TRUNCATE ON transparency_leaf
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_transparency_change();
