-- Every administrative change (payout runs, payment status, bank details, holdback releases, payments received) with its actor: principal name and role.
CREATE TABLE admin_audit (
    id          bigserial   PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    actor_name  text        NOT NULL,
    actor_role  text        NOT NULL,
    action      text        NOT NULL,
    subject     text        NOT NULL,
    detail      text        NOT NULL
);
CREATE INDEX admin_audit_subject ON admin_audit (subject, id);
