#!/bin/sh
# Runs once, when the database container initialises an empty volume: makes the
# app's own role (docs/deploy.md). Its rights are granted by `npm run db:migrate`
# (the migrate service), as the tables' owner, after every migration.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v app_password="$SIGNPOST_APP_DB_PASSWORD" <<'SQL'
CREATE ROLE signpost_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'app_password';
SQL
