#!/usr/bin/env bash
# npm test — every test: types, unit and integration (vitest, real PostgreSQL),
# then end-to-end (Playwright, production build, real Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-test-tools.sh
echo "▶ typecheck"
npm run typecheck
echo "▶ unit and integration tests"
npx vitest run
echo "▶ production build"
npm run build
echo "▶ end-to-end tests"
npx playwright test
