#!/usr/bin/env bash
# The size benchmark: builds the release and prints dist/ sizes, raw, gzip and brotli.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh build
bash scripts/build.sh
node scripts/sizes.mjs
