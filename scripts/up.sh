#!/usr/bin/env bash
# One command from a fresh clone to a running site: install, build (site and
# PDFs), then serve dist/ at http://127.0.0.1:${PORT:-4321}/ until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$PATH"
node scripts/build.ts
exec node scripts/serve.ts --port "${PORT:-4321}"
