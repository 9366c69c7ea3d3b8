-- Reports often name an envoy without saying since when (the seed article never does): the start of a
-- mandate becomes optional rather than invented. An unknown start counts as "active" for active_on.
alter table envoy alter column mandate_from drop not null;
