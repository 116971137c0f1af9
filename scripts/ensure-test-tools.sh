#!/usr/bin/env bash
# What the tests need beyond npm: a Chromium for the end-to-end tests
# (Playwright cannot download its own here) and PostgreSQL's client tools for
# the backup test (pg_dump and pg_restore 15, the embedded server's version).
# Installs them from Debian's packages when missing and we are allowed to.
set -euo pipefail

missing=()
if [[ -z "${PLAYWRIGHT_CHROMIUM_EXECUTABLE:-}" || ! -x "${PLAYWRIGHT_CHROMIUM_EXECUTABLE:-}" ]] && ! command -v chromium >/dev/null 2>&1; then
  missing+=(chromium)
fi
if ! command -v pg_dump >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/pg_dump >/dev/null 2>&1; then
  missing+=(postgresql-client)
fi
if [[ ${#missing[@]} -eq 0 ]]; then exit 0; fi

if [[ "$(id -u)" == "0" ]] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${missing[*]} from Debian's packages for the tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "Missing for the tests: ${missing[*]}." >&2
echo "Install them (e.g. 'sudo apt-get install ${missing[*]}'); for Chromium you can instead run" >&2
echo "'npx playwright install chromium' or set PLAYWRIGHT_CHROMIUM_EXECUTABLE to a Chromium binary." >&2
exit 1
