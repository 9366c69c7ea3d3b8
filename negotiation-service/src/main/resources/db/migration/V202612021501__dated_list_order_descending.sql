-- The newest-first order of the incident and statement lists (sort=-occurredOn, -saidOn: the web client's incident
-- screen reads it) keeps undated rows last, as the ascending order does. A backward scan of the *_dated indexes
-- gives undated rows first, so without an index in exactly this order PostgreSQL read and sorted the whole table
-- for a first page (2.8 s at 1,000,000 incidents; docs/performance.md, "Session 5: lists at scale").
create index incident_dated_newest on incident (occurred_on desc nulls last, created_at desc, id desc);
create index statement_dated_newest on statement (said_on desc nulls last, created_at desc, id desc);
