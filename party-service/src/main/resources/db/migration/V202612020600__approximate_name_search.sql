-- Names are written many ways: Steve and Steven, Vladimir, Volodymyr and Wladimir. The envoy search matches a
-- query word approximately (see EnvoyRepository): by prefix, by trigram similarity (pg_trgm) or by sound
-- (double metaphone, fuzzystrmatch). Both extensions ship with PostgreSQL and are trusted, so the database
-- owner may create them.
create extension if not exists pg_trgm;
create extension if not exists fuzzystrmatch;

-- The prefix-only search used this index to find candidates; approximate matching compares every word, and
-- the envoy table (hundreds of rows) is scanned faster than an index that cannot answer the question.
drop index if exists envoy_search_tokens_idx;
