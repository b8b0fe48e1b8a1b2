-- The catalogue: one table per entity kind. Each row is the entity as a JSON document (the same JSON form as the
-- change topic, see CatalogueJson), keyed by its natural key (CatalogueChange.entityKey()), with the society that
-- owns it (null for entities the authority created) and the columns that queries need.
CREATE TABLE society (
    entity_key  text PRIMARY KEY,
    id          text NOT NULL UNIQUE,
    doc         jsonb NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Society API keys: fsr_<key id>_<secret>; only the SHA-256 of the secret is stored.
CREATE TABLE society_key (
    key_id       text PRIMARY KEY,
    society_id   text NOT NULL REFERENCES society (id),
    secret_hash  bytea NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    revoked_at   timestamptz
);

CREATE TABLE work (
    entity_key  text PRIMARY KEY,
    owner       text,
    title       text NOT NULL,
    doc         jsonb NOT NULL
);
CREATE INDEX work_title_lower ON work (lower(title) text_pattern_ops);

-- Every identifier of every work, canonical (Identifiers.normalize): one work per identifier.
CREATE TABLE work_identifier (
    id_key    text PRIMARY KEY,
    scheme    text NOT NULL,
    value     text NOT NULL,
    work_key  text NOT NULL,
    CONSTRAINT work_identifier_unique_per_scheme UNIQUE (scheme, value)
);
CREATE INDEX work_identifier_work ON work_identifier (work_key);

CREATE TABLE party (
    entity_key  text PRIMARY KEY,
    owner       text,
    doc         jsonb NOT NULL
);

CREATE TABLE share (
    entity_key  text PRIMARY KEY,
    owner       text,
    work_key    text NOT NULL,
    doc         jsonb NOT NULL
);
CREATE INDEX share_work ON share (work_key);

CREATE TABLE mandate (
    entity_key  text PRIMARY KEY,
    owner       text,
    party_id    text NOT NULL,
    doc         jsonb NOT NULL
);
CREATE INDEX mandate_party ON mandate (party_id);

CREATE TABLE reservation (
    entity_key  text PRIMARY KEY,
    owner       text,
    doc         jsonb NOT NULL
);

CREATE TABLE licence (
    entity_key  text PRIMARY KEY,
    owner       text,
    platform_id text NOT NULL,
    doc         jsonb NOT NULL
);
CREATE INDEX licence_platform ON licence (platform_id);

-- Transactional outbox: one row per applied CatalogueChange, written in the same transaction as the catalogue rows,
-- published in seq order to fairshare.registry.changes.v1 by the relay.
CREATE TABLE catalogue_change (
    seq           bigserial PRIMARY KEY,
    entity_key    text NOT NULL,
    change        jsonb NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    published_at  timestamptz
);
CREATE INDEX catalogue_change_unpublished ON catalogue_change (seq) WHERE published_at IS NULL;

CREATE TABLE audit_log (
    id           bigserial PRIMARY KEY,
    at           timestamptz NOT NULL DEFAULT now(),
    actor        text NOT NULL,
    action       text NOT NULL,
    entity_kind  text NOT NULL,
    entity_key   text NOT NULL,
    before       jsonb,
    after        jsonb
);
CREATE INDEX audit_log_entity ON audit_log (entity_key, id);
