-- The sync walk over parties and envoys (api-support's db/api-support migration has the functions and the tombstones).
SELECT parley_track_changes('party', 'id', true);
SELECT parley_track_changes('envoy', 'id', true);
