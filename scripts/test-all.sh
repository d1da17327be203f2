#!/usr/bin/env bash
# Every test, from a clean clone: set-up, build, type check, unit tests
# (vitest), browser tests (Playwright), then one line "N passed, N failed"
# summed over all suites. Exits non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || { echo "setup failed"; echo "0 passed, 1 failed"; exit 1; }
export PATH="$PWD/node_modules/.bin:$PATH"
mkdir -p .build/reports
rm -f .build/reports/*.json

echo "== build"
build_ok=1
node scripts/build.ts || build_ok=0

echo "== type check (astro check)"
check_ok=1
astro check --minimumSeverity warning || check_ok=0

echo "== unit tests (vitest)"
vitest run --reporter=default --reporter=json --outputFile.json=.build/reports/vitest.json

if [ "$build_ok" = 1 ]; then
  echo "== browser tests (playwright)"
  # A free port, so a server left running elsewhere cannot collide.
  E2E_PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  export E2E_PORT
  PLAYWRIGHT_JSON_OUTPUT_NAME=.build/reports/playwright.json playwright test --reporter=list,json
else
  echo "== browser tests skipped: the build failed"
fi

node scripts/summary.ts "$build_ok" "$check_ok" .build/reports/vitest.json .build/reports/playwright.json
