-- Events on the ground that frame the talks. Every count is nullable: null means "not reported", which is
-- not the same as zero. Lists that are only ever read with their incident (damage, weapons launched,
-- consequences, casualty notes, sources) are stored as JSON beside it.
create table incident (
    id                     uuid primary key,
    negotiation_id         uuid references negotiation (id),
    occurred_on            date,
    date_precision         text        not null,
    date_as_reported       text,
    place_city             text,
    place_region           text,
    place_country          text,
    place_latitude         double precision,
    place_longitude        double precision,
    place_as_reported      text,
    kind                   text        not null,
    weapons                text,
    description            text,
    attributed_to_party_id uuid,
    attributed_by          text,
    killed                 integer check (killed >= 0),
    injured                integer check (injured >= 0),
    children_killed        integer check (children_killed >= 0),
    children_injured       integer check (children_injured >= 0),
    civilian               boolean,
    casualty_notes         jsonb       not null default '[]',
    damage                 jsonb       not null default '[]',
    weapons_launched       jsonb       not null default '[]',
    consequences           jsonb       not null default '[]',
    sources                jsonb       not null,
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    version                bigint      not null,
    constraint incident_has_source check (jsonb_typeof(sources) = 'array' and jsonb_array_length(sources) > 0)
);
create index incident_occurred on incident (occurred_on, id);
create index incident_negotiation on incident (negotiation_id, occurred_on);
create index incident_region on incident (lower(place_region));
create index incident_city on incident (lower(place_city));
create index incident_attributed on incident (attributed_to_party_id, occurred_on);
create index incident_kind on incident (kind, occurred_on);
create index incident_updated on incident (updated_at, id);
