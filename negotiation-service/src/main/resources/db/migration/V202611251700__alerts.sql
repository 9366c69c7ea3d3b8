-- Alerts raised by the rules in AlertRules, each in the transaction of the change that caused it, and
-- published to parley.alerts.v1 through the outbox in that same transaction. Alerts are never changed.
create table alert (
    id              uuid primary key,
    negotiation_id  uuid        not null,
    rule            text        not null,
    severity        text        not null check (severity in ('info', 'notice', 'warning', 'critical')),
    -- The severity's place in info < notice < warning < critical, so that "at least warning" is a range.
    severity_rank   smallint    not null check (severity_rank between 0 and 3),
    summary         text        not null,
    -- The CloudEvents ids of the events that caused it, and the things it is about ({kind, id}).
    cause_event_ids jsonb       not null default '[]',
    causes          jsonb       not null default '[]',
    occurred_at     timestamptz not null,
    raised_at       timestamptz not null,
    version         bigint      not null
);
create index alert_negotiation on alert (negotiation_id, occurred_at, id);
create index alert_occurred on alert (occurred_at, id);
create index alert_raised on alert (raised_at, id);

-- No foreign key to known_party: parties are another service's; the ids are the ones the change named.
create table alert_party (
    alert_id uuid not null references alert (id) on delete cascade,
    party_id uuid not null,
    primary key (alert_id, party_id)
);
create index alert_party_party on alert_party (party_id);
