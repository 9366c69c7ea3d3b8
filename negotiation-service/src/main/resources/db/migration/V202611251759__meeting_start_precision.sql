-- Sources often give only the day of a meeting, or no date at all ("recently"): the start becomes
-- optional, with how much of it is known and the source's own words.
alter table meeting alter column starts_at drop not null;
alter table meeting add column start_precision text not null default 'EXACT'
    check (start_precision in ('EXACT', 'DAY', 'UNKNOWN'));
alter table meeting alter column start_precision drop default;
alter table meeting add column timing_as_reported text;
alter table meeting add constraint meeting_start_known_or_unknown
    check ((start_precision = 'UNKNOWN') = (starts_at is null));
