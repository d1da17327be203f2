#!/usr/bin/env bash
# Every test, from a clean clone: set-up, build, type check, format check, unit
# tests (vitest), browser tests (Playwright) on the story, then the story built
# for a sub-path (BASE_PATH) and served there, and the generated 8-chapter sample
# story, each checked by a subset of the contract tests on desktop;
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
E2E_SUB=/altman-chips/ # the sub-path of the base-path build
free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

check build node scripts/build.ts && build_ok=1 || build_ok=0
check sample-build bash -c 'node scripts/sample-story.ts .build/sample-content && node scripts/build.ts --content .build/sample-content --out .build/sample-dist --no-pdf' && sample_ok=1 || sample_ok=0
check base-build env BASE_PATH="$E2E_SUB" node scripts/build.ts --out .build/base-dist --no-pdf && base_ok=1 || base_ok=0
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
if [ "$base_ok" = 1 ]; then
  # Published at a sub-path: pages, links, stage data, icons, metadata, 404 and sharing,
  # in both languages (the build skips the PDFs: their link is checked on the main build;
  # tests whose outcome cannot depend on the path are left out to keep this short).
  echo "== browser tests (playwright): the story at the sub-path $E2E_SUB, desktop"
  E2E_ROOT=.build/base-dist E2E_BASE="$E2E_SUB" E2E_PORT=$(free_port) PLAYWRIGHT_JSON_OUTPUT_NAME="$reports/playwright-base.json" \
    playwright test --project=desktop --reporter=dot,json \
    --grep-invert "same chapters and steps|arrives late|policy is enforced|share sheet" \
    tests/e2e/markup.spec.ts tests/e2e/network.spec.ts tests/e2e/publish.spec.ts tests/e2e/share.spec.ts
  suites+=(--playwright "$reports/playwright-base.json")
fi
if [ "$sample_ok" = 1 ]; then
  # The contract's core on a story of another shape (a scene over two chapters,
  # other neighbours), on desktop: the markup, the walk through every step, and every
  # boundary's hand-over (what depends on the story's shape; the mechanics of
  # scrolling and tweening are the story run's); and its metadata, share image and
  # sitemap, which follow the story without edits.
  echo "== browser tests (playwright): the generated sample story, desktop"
  E2E_ROOT=.build/sample-dist E2E_PORT=$(free_port) PLAYWRIGHT_JSON_OUTPUT_NAME="$reports/playwright-sample.json" \
    playwright test --project=desktop --reporter=dot,json \
    --grep "markup.spec|publish.spec|de: every step in turn|across every chapter boundary" \
    --grep-invert "Content-Security-Policy|policy is enforced|a missing address answers 404" \
    tests/e2e/scroll.spec.ts tests/e2e/markup.spec.ts tests/e2e/transitions.spec.ts tests/e2e/publish.spec.ts
  suites+=(--playwright "$reports/playwright-sample.json")
fi

echo "== all suites in $((SECONDS - started)) s"
node scripts/summary.ts "${checks[@]}" "${suites[@]}"
