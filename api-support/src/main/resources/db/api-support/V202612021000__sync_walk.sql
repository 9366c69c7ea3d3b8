-- The sync walk (issue 13, docs/api.md "Keeping a copy"), shipped by api-support for every service that pages with
-- its Pager: every row a list serves carries the id of the transaction that last wrote it, set by the database
-- (never by the application, whose clock and commit order differ), and the lists walk rows in (change_xid, id)
-- order up to the oldest transaction still running. change_xid is pg_current_xact_id(), a 64-bit xid8 that never
-- wraps, held as bigint so that JPQL can compare it.

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

-- What a service's migration calls for each table a list serves: the column (0 for rows written before, which are
-- older than every transaction to come), its index in walk order, the trigger that sets it, and, for tables whose
-- rows can be deleted (a uuid id), the tombstone trigger.
CREATE FUNCTION parley_track_changes(tbl text, id_column text, tombstones boolean) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('ALTER TABLE %I ADD COLUMN change_xid bigint NOT NULL DEFAULT 0', tbl);
    EXECUTE format('ALTER TABLE %I ALTER COLUMN change_xid DROP DEFAULT', tbl);
    EXECUTE format('CREATE INDEX %I ON %I (change_xid, %I)', tbl || '_change', tbl, id_column);
    EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION parley_change_xid()', tbl || '_change_xid', tbl);
    IF tombstones THEN
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I FOR EACH ROW EXECUTE FUNCTION parley_tombstone(%L)', tbl || '_tombstone', tbl, tbl);
    END IF;
END $$;
