-- The sync walk (issue 13, docs/api.md "Keeping a copy"): every row a list serves carries the id of the
-- transaction that last wrote it, set by the database (never by the application, whose clock and commit order
-- differ), and the lists walk rows in (change_xid, id) order up to the oldest transaction still running.
-- change_xid is pg_current_xact_id(), a 64-bit xid8 that never wraps, held as bigint so that JPQL can compare it.
-- Rows written before this migration keep 0: they are older than every transaction to come.

CREATE FUNCTION parley_change_xid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.change_xid := pg_current_xact_id()::text::bigint;
    RETURN NEW;
END $$;

-- Deleted rows leave a tombstone, in the same xid order, so that the sync walk can tell a copy to delete them.
CREATE TABLE tombstone (
    resource   text        NOT NULL,
    id         uuid        NOT NULL,
    change_xid bigint      NOT NULL,
    deleted_at timestamptz NOT NULL,
    PRIMARY KEY (resource, id)
);
CREATE INDEX tombstone_change ON tombstone (resource, change_xid, id);

-- TG_ARGV[0] names the list the row belonged to (the table's name).
CREATE FUNCTION parley_tombstone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO tombstone (resource, id, change_xid, deleted_at)
    VALUES (TG_ARGV[0], OLD.id, pg_current_xact_id()::text::bigint, statement_timestamp())
    ON CONFLICT (resource, id) DO UPDATE SET change_xid = excluded.change_xid, deleted_at = excluded.deleted_at;
    RETURN OLD;
END $$;

ALTER TABLE party ADD COLUMN change_xid bigint NOT NULL DEFAULT 0;
ALTER TABLE party ALTER COLUMN change_xid DROP DEFAULT;
CREATE INDEX party_change ON party (change_xid, id);
CREATE TRIGGER party_change_xid BEFORE INSERT OR UPDATE ON party FOR EACH ROW EXECUTE FUNCTION parley_change_xid();
CREATE TRIGGER party_tombstone AFTER DELETE ON party FOR EACH ROW EXECUTE FUNCTION parley_tombstone('party');

ALTER TABLE envoy ADD COLUMN change_xid bigint NOT NULL DEFAULT 0;
ALTER TABLE envoy ALTER COLUMN change_xid DROP DEFAULT;
CREATE INDEX envoy_change ON envoy (change_xid, id);
CREATE TRIGGER envoy_change_xid BEFORE INSERT OR UPDATE ON envoy FOR EACH ROW EXECUTE FUNCTION parley_change_xid();
CREATE TRIGGER envoy_tombstone AFTER DELETE ON envoy FOR EACH ROW EXECUTE FUNCTION parley_tombstone('envoy');
