-- The actor of every audited change: besides its principal name (actor), the role it acted in.
-- Rows written before this migration were the authority's or a society's, told apart by name.
ALTER TABLE audit_log ADD COLUMN actor_role text;
UPDATE audit_log SET actor_role = CASE WHEN actor = 'authority' THEN 'operator' ELSE 'society' END;
ALTER TABLE audit_log ALTER COLUMN actor_role SET NOT NULL;
