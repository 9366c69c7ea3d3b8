-- Parties and the envoys who speak for them. Vocabulary columns hold the API's wire values, and the
-- CHECK constraints repeat the rules the API validates, so that no other writer can store what the API refuses.

create table party (
    id            uuid         primary key,
    slug          varchar(32)  not null,
    name          varchar(200) not null,
    kind          varchar(32)  not null,
    iso_code      varchar(3),
    conflict_role varchar(32)  not null,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    version       bigint       not null,
    constraint party_slug_key unique (slug),
    constraint party_slug_format check (slug ~ '^[a-z][a-z0-9-]{1,31}$'),
    constraint party_iso_code_format check (iso_code ~ '^[A-Z]{2,3}$'),
    constraint party_kind_known check (kind in ('state', 'bloc', 'international_organisation', 'non_state_actor')),
    constraint party_conflict_role_known check (conflict_role in ('belligerent', 'mediator', 'guarantor', 'observer', 'stakeholder'))
);

-- For updated_since, the filter every consumer catching up uses.
create index party_updated_at_idx on party (updated_at);

create table envoy (
    id                 uuid         primary key,
    -- RESTRICT: a party some envoy refers to cannot be deleted; the API says 409 before it gets here.
    party_id           uuid         not null constraint envoy_party_fk references party (id) on delete restrict,
    full_name          varchar(200) not null,
    aliases            text[]       not null default '{}',
    title              varchar(200),
    role               varchar(32)  not null,
    mandate_from       date         not null,
    mandate_to         date,
    mandate_end_reason varchar(500),
    -- Maintained by the application (NameSearch): the full name and aliases normalised, and their distinct words.
    search_names       text[]       not null,
    search_tokens      text[]       not null,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    version            bigint       not null,
    constraint envoy_mandate_in_order check (mandate_to is null or mandate_from <= mandate_to),
    constraint envoy_role_known check (role in ('head_of_state', 'head_of_government', 'foreign_minister', 'special_envoy',
                                                'chief_negotiator', 'adviser', 'official', 'spokesperson'))
);

-- The party filter, and the "is this party still referred to" check before a delete.
create index envoy_party_id_idx on envoy (party_id);
create index envoy_updated_at_idx on envoy (updated_at);

-- Name search. array_to_tsvector takes the words as they are (no parser, dictionary or locale), and a GIN
-- index over it answers prefix queries such as 'steve':* & 'witkoff':* without reading the whole table.
create index envoy_search_tokens_idx on envoy using gin (array_to_tsvector(search_tokens));
