#!/usr/bin/env bash
# Every test, from a clean clone: set-up, build, type check, format check, unit
# tests (vitest), browser tests (Playwright) on the story and, in the same run, on
# the story built for a sub-path (BASE_PATH) and served there, and on the generated
# 8-chapter sample story, each checked by a subset of the contract tests on desktop;
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

# The three builds run side by side (each is one core of Astro, then a Chromium printing PDFs);
# the unit tests run beside them; the type check and the format check after them.
# Each writes its own log, printed when it is done.
logs=.build/logs
mkdir -p "$logs"
finished() { # finished NAME PID: waits for a check started above, prints its output, passes on its status
  wait "$2"
  local rc=$?
  cat "$logs/$1.log"
  echo "($1 done at $((SECONDS - started)) s)"
  return $rc
}
node scripts/build.ts >"$logs/build.log" 2>&1 &
build_pid=$!
bash -c 'node scripts/sample-story.ts .build/sample-content && node scripts/build.ts --content .build/sample-content --out .build/sample-dist --draft-pdf' >"$logs/sample-build.log" 2>&1 &
sample_pid=$!
BASE_PATH="$E2E_SUB" node scripts/build.ts --out .build/base-dist --no-pdf >"$logs/base-build.log" 2>&1 &
base_pid=$!
# The unit tests need no build: they run beside the builds (the story's PDFs are a Chromium printing
# pass, mostly one core), and on beside the type and format checks once the builds are done.
vitest run --reporter=default --reporter=json --outputFile.json="$reports/vitest.json" >"$logs/vitest.log" 2>&1 &
vitest_pid=$!

check build finished build "$build_pid" && build_ok=1 || build_ok=0
check sample-build finished sample-build "$sample_pid" && sample_ok=1 || sample_ok=0
check base-build finished base-build "$base_pid" && base_ok=1 || base_ok=0
# After the builds (astro check syncs the same .astro/ types the builds write).
astro check --minimumSeverity warning >"$logs/typecheck.log" 2>&1 &
typecheck_pid=$!
prettier --check --log-level warn . >"$logs/format.log" 2>&1 &
format_pid=$!

check typecheck finished typecheck "$typecheck_pid"
check format finished format "$format_pid"
# Its own count goes into the summary from its report (below); its log is printed here.
echo "== unit tests (vitest), beside the builds and checks"
finished vitest "$vitest_pid" || true

suites=(--vitest "$reports/vitest.json")
if [ "$build_ok" = 1 ]; then
  # One run, two workers, three builds (playwright.config.ts): the story on desktop, phone and
  # phone in landscape; the story built for a sub-path, served there; the generated 8-chapter
  # sample story. Each of the other two on desktop, with the subset of the contract tests that
  # can depend on the path or on the story's shape.
  projects=(--project=desktop --project=phone --project=phone-landscape)
  if [ "$base_ok" = 1 ]; then
    export E2E_SUBPATH_ROOT=.build/base-dist E2E_SUBPATH_BASE="$E2E_SUB" E2E_SUBPATH_PORT=$(free_port)
    projects+=(--project=desktop-subpath)
  fi
  if [ "$sample_ok" = 1 ]; then
    export E2E_SAMPLE_ROOT=.build/sample-dist E2E_SAMPLE_PORT=$(free_port)
    projects+=(--project=desktop-sample)
  fi
  echo "== browser tests (playwright), from $((SECONDS - started)) s: ${projects[*]}"
  E2E_PORT=$(free_port) PLAYWRIGHT_JSON_OUTPUT_NAME="$reports/playwright.json" playwright test "${projects[@]}" --reporter=list,json
  suites+=(--playwright "$reports/playwright.json")
fi

echo "== all suites in $((SECONDS - started)) s"
node scripts/summary.ts "${checks[@]}" "${suites[@]}"
