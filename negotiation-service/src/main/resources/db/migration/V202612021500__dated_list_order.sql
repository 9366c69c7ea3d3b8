-- The incident and statement lists are read in their default order (ListQuery.datedOrder): the date (undated rows
-- last), then creation, then the id. An index in exactly that order gives the first page and every page by offset
-- straight from the index, with no sort: (occurred_on, id) could only pre-sort by the day, so each page sorted a
-- whole day of rows, and a page by offset sorted every row it skipped (docs/performance.md, "Session 5: lists at
-- scale"). It also serves the from/to bounds on the date, as incident_occurred did.
drop index incident_occurred;
create index incident_dated on incident (occurred_on, created_at, id);
create index statement_dated on statement (said_on, created_at, id);
