#!/bin/bash
# One database per service, each owned by its own role (run once, on an empty data volume).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username postgres <<SQL
CREATE ROLE party LOGIN PASSWORD '${PARTY_DB_PASSWORD}';
CREATE DATABASE party OWNER party;
CREATE ROLE negotiation LOGIN PASSWORD '${NEGOTIATION_DB_PASSWORD}';
CREATE DATABASE negotiation OWNER negotiation;
SQL
