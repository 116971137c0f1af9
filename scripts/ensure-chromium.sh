#!/usr/bin/env bash
# The end-to-end tests need a Chromium. Playwright cannot download its own here,
# so use Debian's package: install it when missing and we are allowed to.
set -euo pipefail
if [[ -n "${PLAYWRIGHT_CHROMIUM_EXECUTABLE:-}" && -x "${PLAYWRIGHT_CHROMIUM_EXECUTABLE}" ]]; then exit 0; fi
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [[ "$(id -u)" == "0" ]] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Chromium from Debian's packages for the end-to-end tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "No Chromium found. Install one (e.g. 'sudo apt-get install chromium') or run 'npx playwright install chromium'," >&2
echo "or set PLAYWRIGHT_CHROMIUM_EXECUTABLE to a Chromium binary." >&2
exit 1
