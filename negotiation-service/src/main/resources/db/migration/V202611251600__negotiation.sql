-- The local, read-only copy of party-service's parties and envoys, kept from parley.parties.v1.
-- source_updated_at is the updatedAt of the last event applied, so that an older event arriving late
-- is ignored. A removed party stays as a tombstone for the same reason: a late update must not revive it.
create table known_party (
    id                uuid primary key,
    slug              text        not null,
    name              text        not null,
    kind              text,
    iso_code          text,
    conflict_role     text,
    removed           boolean     not null default false,
    source_updated_at timestamptz not null,
    applied_at        timestamptz not null default now()
);

create table known_envoy (
    id                uuid primary key,
    party_id          uuid        not null,
    full_name         text        not null,
    aliases           jsonb       not null default '[]',
    title             text,
    role              text,
    mandate_from      date,
    mandate_to        date,
    source_updated_at timestamptz not null,
    applied_at        timestamptz not null default now()
);
create index known_envoy_party on known_envoy (party_id);

create table negotiation (
    id         uuid primary key,
    title      text        not null,
    status     text        not null,
    started_on date,
    ended_on   date,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version    bigint      not null
);
create index negotiation_updated on negotiation (updated_at, id);

-- No foreign key to known_party: the copy belongs to another service's events; references are checked at write time.
create table negotiation_party (
    negotiation_id uuid not null references negotiation (id) on delete cascade,
    party_id       uuid not null,
    role           text not null,
    primary key (negotiation_id, party_id)
);
create index negotiation_party_party on negotiation_party (party_id);

create table proposal (
    id                     uuid primary key,
    negotiation_id         uuid        not null references negotiation (id),
    title                  text        not null,
    sponsor_party_id       uuid        not null,
    document_version       integer     not null,
    supersedes_proposal_id uuid references proposal (id),
    status                 text        not null,
    summary                text,
    sources                jsonb       not null default '[]',
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    version                bigint      not null
);
create index proposal_negotiation on proposal (negotiation_id, updated_at);
create index proposal_supersedes on proposal (supersedes_proposal_id);
create index proposal_updated on proposal (updated_at, id);

create table clause (
    id                     uuid primary key,
    proposal_id            uuid        not null references proposal (id),
    ordinal                integer     not null,
    label                  text        not null,
    heading                text,
    text                   text,
    topic                  text        not null,
    derived_from_clause_id uuid references clause (id),
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    version                bigint      not null,
    -- Deferred, so that a reorder can move clauses through each other's places within one transaction.
    constraint clause_ordinal unique (proposal_id, ordinal) deferrable initially deferred,
    constraint clause_label unique (proposal_id, label)
);
create index clause_derived_from on clause (derived_from_clause_id);

create table meeting (
    id               uuid primary key,
    negotiation_id   uuid        not null references negotiation (id),
    title            text        not null,
    starts_at        timestamptz not null,
    duration_seconds bigint,
    location_city    text,
    location_country text,
    location_venue   text,
    format           text        not null,
    status           text        not null,
    status_note      text,
    outcome_summary  text,
    sources          jsonb       not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          bigint      not null
);
create index meeting_negotiation on meeting (negotiation_id, starts_at);
create index meeting_starts on meeting (starts_at, id);
create index meeting_updated on meeting (updated_at, id);

create table meeting_envoy (
    meeting_id uuid not null references meeting (id) on delete cascade,
    envoy_id   uuid not null,
    primary key (meeting_id, envoy_id)
);
create index meeting_envoy_envoy on meeting_envoy (envoy_id);

create table meeting_party (
    meeting_id uuid not null references meeting (id) on delete cascade,
    party_id   uuid not null,
    primary key (meeting_id, party_id)
);
create index meeting_party_party on meeting_party (party_id);

create table meeting_proposal (
    meeting_id  uuid not null references meeting (id) on delete cascade,
    proposal_id uuid not null references proposal (id),
    primary key (meeting_id, proposal_id)
);

create table meeting_clause (
    meeting_id uuid not null references meeting (id) on delete cascade,
    clause_id  uuid not null references clause (id),
    primary key (meeting_id, clause_id)
);

-- The current stance of one party, on one clause (clause_id set) or on a whole proposal (clause_id null).
-- The board reads only this table, never the history, so it stays fast however long the history grows.
create table party_position (
    id                  uuid primary key,
    negotiation_id      uuid        not null references negotiation (id),
    proposal_id         uuid        not null references proposal (id),
    clause_id           uuid references clause (id),
    party_id            uuid        not null,
    status              text        not null,
    note                text,
    sources             jsonb       not null,
    affected_clause_ids jsonb,
    recorded_at         timestamptz not null,
    recorded_by         text        not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    version             bigint      not null
);
create unique index party_position_on_clause on party_position (clause_id, party_id) where clause_id is not null;
create unique index party_position_on_proposal on party_position (proposal_id, party_id) where clause_id is null;
create index party_position_board on party_position (proposal_id);
create index party_position_party on party_position (party_id, updated_at);
create index party_position_negotiation on party_position (negotiation_id, updated_at);
create index party_position_updated on party_position (updated_at, id);

-- Append-only: every change of a position, oldest first by (recorded_at, id).
create table position_change (
    id                  bigint generated by default as identity primary key,
    position_id         uuid        not null references party_position (id),
    status              text        not null,
    previous_status     text,
    note                text,
    sources             jsonb       not null,
    affected_clause_ids jsonb,
    recorded_at         timestamptz not null,
    recorded_by         text        not null,
    created_at          timestamptz not null
);
create index position_change_timeline on position_change (position_id, recorded_at, id);
