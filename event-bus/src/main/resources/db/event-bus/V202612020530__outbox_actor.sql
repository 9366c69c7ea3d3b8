-- Who made each change and why (issue 12): published as the CloudEvents extension attributes actor and
-- changereason. Null for rows written before access control, and for events without an actor.
ALTER TABLE event_outbox ADD COLUMN actor text, ADD COLUMN change_reason text;
