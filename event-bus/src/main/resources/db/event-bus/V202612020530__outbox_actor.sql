-- Who made each change and why (issue 12): published as the CloudEvents extension attributes actor and
-- changereason. Null for rows written before access control, and for events without an actor.
ALTER TABLE event_outbox ADD COLUMN actor text, ADD COLUMN change_reason text;
-- A parked row keeps them, so that a retried event is published with the actor it was written with.
ALTER TABLE event_outbox_parked ADD COLUMN actor text, ADD COLUMN change_reason text;
