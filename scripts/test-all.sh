#!/usr/bin/env bash
# Every test, from a clean clone: set-up, build, type check, format check, unit
# tests (vitest), browser tests (Playwright) on the story, then the generated
# 8-chapter sample story built and walked by the contract tests on desktop;
# ends with one line "N passed, N failed" summed over all suites. Exits non-zero
# when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
bash scripts/setup.sh || { echo "setup failed"; echo "0 passed, 1 failed"; exit 1; }
export PATH="$PWD/node_modules/.bin:$PATH"
reports=.build/reports
mkdir -p "$reports"
rm -f "$reports"/*.json
checks=()
check() { # check NAME COMMAND…: runs a single check, records it
  local name=$1; shift
  echo "== $name"
  if "$@"; then checks+=(--check "$name=1"); return 0; else checks+=(--check "$name=0"); return 1; fi
}
free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

check build node scripts/build.ts && build_ok=1 || build_ok=0
check sample-build bash -c 'node scripts/sample-story.ts .build/sample-content && node scripts/build.ts --content .build/sample-content --out .build/sample-dist' && sample_ok=1 || sample_ok=0
check typecheck astro check --minimumSeverity warning
check format prettier --check --log-level warn .

echo "== unit tests (vitest)"
vitest run --reporter=default --reporter=json --outputFile.json="$reports/vitest.json"

suites=(--vitest "$reports/vitest.json")
if [ "$build_ok" = 1 ]; then
  echo "== browser tests (playwright): the story"
  E2E_PORT=$(free_port) PLAYWRIGHT_JSON_OUTPUT_NAME="$reports/playwright.json" playwright test --reporter=list,json
  suites+=(--playwright "$reports/playwright.json")
fi
if [ "$sample_ok" = 1 ]; then
  # The contract's core on a story of another shape (a scene over two chapters,
  # other neighbours): the walk, the markup and every boundary's transition, on desktop.
  echo "== browser tests (playwright): the generated sample story, desktop"
  E2E_ROOT=.build/sample-dist E2E_PORT=$(free_port) PLAYWRIGHT_JSON_OUTPUT_NAME="$reports/playwright-sample.json" \
    playwright test --project=desktop --reporter=dot,json \
    tests/e2e/scroll.spec.ts tests/e2e/markup.spec.ts tests/e2e/transitions.spec.ts
  suites+=(--playwright "$reports/playwright-sample.json")
fi

echo "== all suites in $((SECONDS - started)) s"
node scripts/summary.ts "${checks[@]}" "${suites[@]}"
