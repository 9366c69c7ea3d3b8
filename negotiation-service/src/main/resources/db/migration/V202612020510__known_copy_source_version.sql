-- The copy of parties and envoys is ordered by the version party-service gives each change, not by a clock:
-- two party-service instances with skewed clocks could otherwise make a removal look older than the update
-- before it. Rows copied before this column existed start at 0, like events from builds without a version;
-- between those, source_updated_at still decides.
alter table known_party add column source_version bigint not null default 0;
alter table known_envoy add column source_version bigint not null default 0;
