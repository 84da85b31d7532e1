#!/usr/bin/env bash
# The development loop: `trunk serve` builds the embed (a debug build) and serves the demo
# article page at http://127.0.0.1:8080/, rebuilding and reloading it when src/, static/,
# data/, export/ or index.html change. Installs what it needs first (Trunk included).
# PORT=... to change the port; RELEASE=1 serves the release build (the size flags).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh build
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
if [ -n "${RELEASE:-}" ]; then
  bash scripts/build.sh
  exec node scripts/serve.mjs --root dist --port "${PORT:-8080}" --host "${HOST:-127.0.0.1}"
fi
exec trunk serve --port "${PORT:-8080}"
