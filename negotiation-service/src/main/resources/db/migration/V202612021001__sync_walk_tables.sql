-- The sync walk over every list of stored rows (api-support's db/api-support migration has the functions and the
-- tombstones). Nothing here is deleted today; the tombstone triggers make a deletion added later visible to the walk.
-- A position's history and the audit trail are only appended.
SELECT parley_track_changes('negotiation', 'id', true);
SELECT parley_track_changes('meeting', 'id', true);
SELECT parley_track_changes('proposal', 'id', true);
SELECT parley_track_changes('clause', 'id', true);
SELECT parley_track_changes('party_position', 'id', true);
SELECT parley_track_changes('statement', 'id', true);
SELECT parley_track_changes('incident', 'id', true);
SELECT parley_track_changes('alert', 'id', true);
SELECT parley_track_changes('position_change', 'id', false);
SELECT parley_track_changes('audit_entry', 'event_id', false);
