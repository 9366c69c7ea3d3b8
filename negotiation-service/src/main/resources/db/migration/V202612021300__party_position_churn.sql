-- Every position write updates its party_position row, and the update cannot be HOT (updated_at is indexed), so
-- each write leaves a dead row version and index entries behind until vacuum. The board reads party_position by
-- proposal; with the default settings a burst of writes left it reading about 13 times the pages it needs
-- (docs/performance.md, "The write path"). Half-full pages let a new version stay on its row's page once pruning
-- frees the space, and vacuuming this small, hot table after about 1% of it changed, without cost delay, keeps the
-- dead versions few.
alter table party_position set (fillfactor = 50, autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 1000,
                                autovacuum_vacuum_cost_delay = 0);
