-- The audit trail (issue 12): who changed what, when and why, for every write to Parley. Each row is written
-- in the transaction of the change it records: negotiation-service's own writes as they append their event,
-- party-service's as their event is applied here (with the inbox row). The event id is the key, so a
-- redelivered event cannot record a change twice.
CREATE TABLE audit_entry (
    event_id       uuid        PRIMARY KEY,
    occurred_at    timestamptz NOT NULL,
    -- The subject of the access token that made the change; null for events written before access control.
    subject        text,
    -- The X-Change-Reason the client gave; null when none.
    reason         text,
    -- The CloudEvents type of the change, e.g. org.parley.position.recorded.v1.
    action         text        NOT NULL,
    service        text        NOT NULL,
    entity_type    text        NOT NULL,
    entity_id      uuid        NOT NULL,
    negotiation_id uuid,
    entity_path    text        NOT NULL,
    history_path   text        NOT NULL
);

CREATE INDEX audit_entry_time ON audit_entry (occurred_at DESC, event_id);
CREATE INDEX audit_entry_entity ON audit_entry (entity_id, occurred_at DESC);
CREATE INDEX audit_entry_subject ON audit_entry (subject, occurred_at DESC);
