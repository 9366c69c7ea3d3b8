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

ALTER TABLE negotiation ADD COLUMN change_xid bigint NOT NULL DEFAULT 0;
ALTER TABLE negotiation ALTER COLUMN change_xid DROP DEFAULT;
CREATE INDEX negotiation_change ON negotiation (change_xid, id);
CREATE TRIGGER negotiation_change_xid BEFORE INSERT OR UPDATE ON negotiation FOR EACH ROW EXECUTE FUNCTION parley_change_xid();
CREATE TRIGGER negotiation_tombstone AFTER DELETE ON negotiation FOR EACH ROW EXECUTE FUNCTION parley_tombstone('negotiation');

ALTER TABLE meeting ADD COLUMN change_xid bigint NOT NULL DEFAULT 0;
ALTER TABLE meeting ALTER COLUMN change_xid DROP DEFAULT;
CREATE INDEX meeting_change ON meeting (change_xid, id);
CREATE TRIGGER meeting_change_xid BEFORE INSERT OR UPDATE ON meeting FOR EACH ROW EXECUTE FUNCTION parley_change_xid();
CREATE TRIGGER meeting_tombstone AFTER DELETE ON meeting FOR EACH ROW EXECUTE FUNCTION parley_tombstone('meeting');

ALTER TABLE proposal ADD COLUMN change_xid bigint NOT NULL DEFAULT 0;
ALTER TABLE proposal ALTER COLUMN change_xid DROP DEFAULT;
CREATE INDEX proposal_change ON proposal (change_xid, id);
CREATE TRIGGER proposal_change_xid BEFORE INSERT OR UPDATE ON proposal FOR EACH ROW EXECUTE FUNCTION parley_change_xid();
CREATE TRIGGER proposal_tombstone AFTER DELETE ON proposal FOR EACH ROW EXECUTE FUNCTION parley_tombstone('proposal');

ALTER TABLE clause ADD COLUMN change_xid bigint NOT NULL DEFAULT 0;
ALTER TABLE clause ALTER COLUMN change_xid DROP DEFAULT;
CREATE INDEX clause_change ON clause (change_xid, id);
CREATE TRIGGER clause_change_xid BEFORE INSERT OR UPDATE ON clause FOR EACH ROW EXECUTE FUNCTION parley_change_xid();
CREATE TRIGGER clause_tombstone AFTER DELETE ON clause FOR EACH ROW EXECUTE FUNCTION parley_tombstone('clause');

ALTER TABLE party_position ADD COLUMN change_xid bigint NOT NULL DEFAULT 0;
ALTER TABLE party_position ALTER COLUMN change_xid DROP DEFAULT;
CREATE INDEX party_position_change ON party_position (change_xid, id);
CREATE TRIGGER party_position_change_xid BEFORE INSERT OR UPDATE ON party_position FOR EACH ROW EXECUTE FUNCTION parley_change_xid();
CREATE TRIGGER party_position_tombstone AFTER DELETE ON party_position FOR EACH ROW EXECUTE FUNCTION parley_tombstone('party_position');

ALTER TABLE statement ADD COLUMN change_xid bigint NOT NULL DEFAULT 0;
ALTER TABLE statement ALTER COLUMN change_xid DROP DEFAULT;
CREATE INDEX statement_change ON statement (change_xid, id);
CREATE TRIGGER statement_change_xid BEFORE INSERT OR UPDATE ON statement FOR EACH ROW EXECUTE FUNCTION parley_change_xid();
CREATE TRIGGER statement_tombstone AFTER DELETE ON statement FOR EACH ROW EXECUTE FUNCTION parley_tombstone('statement');

ALTER TABLE incident ADD COLUMN change_xid bigint NOT NULL DEFAULT 0;
ALTER TABLE incident ALTER COLUMN change_xid DROP DEFAULT;
CREATE INDEX incident_change ON incident (change_xid, id);
CREATE TRIGGER incident_change_xid BEFORE INSERT OR UPDATE ON incident FOR EACH ROW EXECUTE FUNCTION parley_change_xid();
CREATE TRIGGER incident_tombstone AFTER DELETE ON incident FOR EACH ROW EXECUTE FUNCTION parley_tombstone('incident');

ALTER TABLE alert ADD COLUMN change_xid bigint NOT NULL DEFAULT 0;
ALTER TABLE alert ALTER COLUMN change_xid DROP DEFAULT;
CREATE INDEX alert_change ON alert (change_xid, id);
CREATE TRIGGER alert_change_xid BEFORE INSERT OR UPDATE ON alert FOR EACH ROW EXECUTE FUNCTION parley_change_xid();
CREATE TRIGGER alert_tombstone AFTER DELETE ON alert FOR EACH ROW EXECUTE FUNCTION parley_tombstone('alert');

ALTER TABLE position_change ADD COLUMN change_xid bigint NOT NULL DEFAULT 0;
ALTER TABLE position_change ALTER COLUMN change_xid DROP DEFAULT;
CREATE INDEX position_change_change ON position_change (change_xid, id);
CREATE TRIGGER position_change_change_xid BEFORE INSERT OR UPDATE ON position_change FOR EACH ROW EXECUTE FUNCTION parley_change_xid();

ALTER TABLE audit_entry ADD COLUMN change_xid bigint NOT NULL DEFAULT 0;
ALTER TABLE audit_entry ALTER COLUMN change_xid DROP DEFAULT;
CREATE INDEX audit_entry_change ON audit_entry (change_xid, event_id);
CREATE TRIGGER audit_entry_change_xid BEFORE INSERT OR UPDATE ON audit_entry FOR EACH ROW EXECUTE FUNCTION parley_change_xid();
