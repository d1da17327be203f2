#!/usr/bin/env bash
# Installs what the site and its tests need, and nothing twice:
# npm packages (including Node 22 as the `node` devDependency), and a Chromium
# for the PDF printer and the browser tests: Debian's package where apt-get can
# install it, Playwright's own build elsewhere (a developer laptop).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x node_modules/.bin/astro ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
fi

have_chromium() { [ -n "${CHROMIUM_PATH:-}" ] && [ -x "${CHROMIUM_PATH}" ] || command -v chromium >/dev/null 2>&1; }
if ! have_chromium; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
    echo "setup: installing Debian's chromium and fonts (apt-get)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core >/dev/null
  else
    echo "setup: no system Chromium; installing Playwright's Chromium"
    node_modules/.bin/playwright install chromium
  fi
fi
# poppler-utils (pdftotext, pdffonts, pdftoppm) for the print edition's tests.
if ! command -v pdftotext >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  echo "setup: installing poppler-utils (apt-get)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
fi
if command -v fc-list >/dev/null 2>&1 && [ "$(fc-list | wc -l)" = "0" ] && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-core >/dev/null
fi
