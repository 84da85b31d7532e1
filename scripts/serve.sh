#!/usr/bin/env bash
# Builds the release embed and serves the demo article page: http://127.0.0.1:8080/
# (PORT=... to change the port). Installs what the build needs first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh build
bash scripts/build.sh
exec node scripts/serve.mjs --port "${PORT:-8080}" --host "${HOST:-127.0.0.1}"
