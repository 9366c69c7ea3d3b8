-- Quotes by envoys. party_id is the envoy's party when the statement was recorded, kept on the row so that
-- "what did Russia say" still finds the quote if the envoy later moves to another party in the copy.
-- No foreign key to known_envoy / known_party: that copy belongs to party-service's events; references
-- are checked at write time.
create table statement (
    id                  uuid primary key,
    negotiation_id      uuid        not null references negotiation (id),
    envoy_id            uuid        not null,
    party_id            uuid        not null,
    meeting_id          uuid references meeting (id),
    proposal_id         uuid references proposal (id),
    quote               text        not null,
    said_on             date,
    said_on_precision   text        not null,
    said_on_as_reported text,
    context             text,
    sources             jsonb       not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    version             bigint      not null,
    constraint statement_has_source check (jsonb_typeof(sources) = 'array' and jsonb_array_length(sources) > 0)
);
create index statement_negotiation on statement (negotiation_id, said_on);
create index statement_envoy on statement (envoy_id, said_on);
create index statement_party on statement (party_id, said_on);
create index statement_meeting on statement (meeting_id);
create index statement_proposal on statement (proposal_id);
create index statement_updated on statement (updated_at, id);
