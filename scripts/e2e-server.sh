#!/usr/bin/env bash
# Starts the production build for the end-to-end tests on its own embedded
# database, made fresh for each run and seeded with the demo directory.
set -euo pipefail
cd "$(dirname "$0")/.."
export PORT="${1:-3100}"
# No SMTP: each email is written here as JSON for the tests to read (tests/e2e/staff-fixtures.ts).
export MAIL_OUTBOX_DIR="${E2E_MAIL_OUTBOX_DIR:-.data/e2e-mail-$PORT}"
rm -rf "$MAIL_OUTBOX_DIR"
# The tests seal TOTP secrets with the same key (tests/e2e/staff-fixtures.ts).
export SECRET_KEY="${E2E_SECRET_KEY:-ZTJlLW9ubHktc2VjcmV0LWtleS1ub3QtZm9yLXByb2R1Y3Rpb24=}"
# As behind one reverse proxy, so that tests can show X-Forwarded-For is read from the right.
export TRUST_PROXY=1
if [[ -z "${DATABASE_URL:-}" ]]; then
  export EMBEDDED_POSTGRES_DIR="${E2E_POSTGRES_DIR:-.data/e2e-postgres}"
  export EMBEDDED_POSTGRES_PORT="${E2E_POSTGRES_PORT:-54349}"
  rm -rf "$EMBEDDED_POSTGRES_DIR"
  # As `npm run demo`: with the embedded database the public address is derived from PORT.
else
  export SEED_DEMO_DATA="${SEED_DEMO_DATA:-true}"
  # Links in mail, QR codes and the HSDS API name this address (never the Host header).
  export PUBLIC_URL="${PUBLIC_URL:-http://localhost:$PORT}"
fi
exec env NODE_ENV=production npx tsx scripts/start-server.ts
