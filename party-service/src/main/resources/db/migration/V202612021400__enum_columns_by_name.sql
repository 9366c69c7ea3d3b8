-- Vocabulary columns hold the enum constant's name (STATE, HEAD_OF_STATE), as JPA's @Enumerated(EnumType.STRING)
-- writes it and as negotiation-service stores its own vocabularies; the API, the events and the problems keep the
-- lower-case wire names (state, head_of_state). Every wire name is its constant's name in lower case, so upper()
-- is the whole rewrite. Rewritten rows get a new change_xid from the sync-walk trigger: a sync walk sees them once
-- more, with the same values as before.

alter table party drop constraint party_kind_known;
alter table party drop constraint party_conflict_role_known;
alter table envoy drop constraint envoy_role_known;

update party set kind = upper(kind), conflict_role = upper(conflict_role)
 where kind <> upper(kind) or conflict_role <> upper(conflict_role);
update envoy set role = upper(role)
 where role <> upper(role);

alter table party add constraint party_kind_known
    check (kind in ('STATE', 'BLOC', 'INTERNATIONAL_ORGANISATION', 'NON_STATE_ACTOR'));
alter table party add constraint party_conflict_role_known
    check (conflict_role in ('BELLIGERENT', 'MEDIATOR', 'GUARANTOR', 'OBSERVER', 'STAKEHOLDER'));
alter table envoy add constraint envoy_role_known
    check (role in ('HEAD_OF_STATE', 'HEAD_OF_GOVERNMENT', 'FOREIGN_MINISTER', 'SPECIAL_ENVOY',
                    'CHIEF_NEGOTIATOR', 'ADVISER', 'OFFICIAL', 'SPOKESPERSON'));
