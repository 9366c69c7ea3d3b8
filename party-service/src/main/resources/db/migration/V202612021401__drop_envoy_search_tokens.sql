-- search_tokens fed the prefix-only search's GIN index, dropped by V202612020600 when the search became
-- approximate (it reads search_names). Nothing reads the column since; keeping it in step cost every write.
alter table envoy drop column search_tokens;
