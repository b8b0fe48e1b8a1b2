-- The statement log's right edge (issue 14, performance): beside each tree head, the roots of the perfect subtrees
-- its leaves decompose into (RFC 9162 compact range from leaf 0; one per set bit of tree_size, position 0 the
-- largest). A close appends its period's leaves to the previous head's edge and signs the new root, reading
-- O(log n) rows instead of every leaf hash of the log. Heads stored before this migration have none: the next
-- close computes the edge once from the leaves (TransparencyStore) and keeps it with its own head.
CREATE TABLE transparency_frontier (
    period_id varchar(8) NOT NULL REFERENCES transparency_tree_head (period_id),
    position  smallint   NOT NULL,
    hash      bytea      NOT NULL,
    PRIMARY KEY (period_id, position)
);

CREATE TRIGGER transparency_frontier_immutable BEFORE UPDATE OR DELETE ON transparency_frontier
    FOR EACH ROW EXECUTE FUNCTION refuse_transparency_change();
CREATE TRIGGER transparency_frontier_no_truncate BEFORE TRUNCATE ON transparency_frontier
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_transparency_change();
