-- Text search over statements (quotes), clauses and incidents (SearchRepository): accent- and case-insensitive
-- (unaccent), and approximate (pg_trgm word similarity), so "Kryvyi Rig" finds "Kryvyi Rih" and "Zelenskiy"
-- finds "Zelensky". Both extensions ship with PostgreSQL and are trusted: the database owner may create them.
create extension if not exists unaccent;
create extension if not exists pg_trgm;

-- unaccent() is only stable (its dictionary could change); this wrapper names the dictionary, so that it may be
-- declared immutable and used in the trigram indexes below.
create function search_text(value text) returns text
    language sql immutable parallel safe strict
    as $$ select lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;

create index statement_search on statement using gin (search_text(quote || ' ' || coalesce(context, '')) gin_trgm_ops);
create index clause_search on clause using gin (search_text(label || ' ' || coalesce(heading, '') || ' ' || coalesce(text, '')) gin_trgm_ops);
-- concat_ws is only stable, so the incident's parts are joined with || (immutable), nulls as empty text.
create index incident_search on incident using gin (search_text(coalesce(description, '') || ' ' || coalesce(weapons, '') || ' '
    || coalesce(place_city, '') || ' ' || coalesce(place_region, '') || ' ' || coalesce(place_country, '') || ' '
    || coalesce(place_as_reported, '') || ' ' || coalesce(date_as_reported, '') || ' ' || consequences::text) gin_trgm_ops);
