#!/usr/bin/env bash
# One database and one login role per app with data (the services, the gateway's 119 store-and-forward,
# citizen-web's passport drafts), as the launcher makes them (DatabaseServer.ensureDatabase): the role owns its
# database and schema, nobody else may connect. Development passwords only: <database>-dev.
set -euo pipefail
for db in residency passport land emergency gateway citizenweb; do
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<SQL
CREATE ROLE $db LOGIN PASSWORD '$db-dev';
CREATE DATABASE $db OWNER $db ENCODING 'UTF8';
REVOKE ALL ON DATABASE $db FROM PUBLIC;
GRANT ALL ON DATABASE $db TO $db;
SQL
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$db" <<SQL
ALTER SCHEMA public OWNER TO $db;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
SQL
done
