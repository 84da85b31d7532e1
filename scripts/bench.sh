#!/usr/bin/env bash
# The performance benchmark: builds the release embed, then measures it in headless
# Chromium (bench/run.mjs): bytes, first figure painted (cold and warm cache), re-render
# after a language switch and a category toggle, long tasks and dropped frames, and 1, 10
# and 50 instances (time and memory). Prints one Markdown table on stdout (build output
# and progress go to stderr) and writes it, with the budgets, into BENCHMARKS.md.
# Not part of scripts/test.sh: times depend on the machine and nothing asserts them.
#   BENCH_NO_BUILD=1 scripts/bench.sh   measures dist/ as it is, without building
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${BENCH_NO_BUILD:-}" ]; then
  bash scripts/setup.sh build >&2
  bash scripts/build.sh >&2
fi
[ -f dist/salystyr_core_bg.wasm ] || { echo "bench: no dist/: run scripts/build.sh" >&2; exit 1; }
# The browser comes with the test tools (Debian's chromium).
if ! [ -x "${CHROMIUM:-/usr/bin/chromium}" ] || ! [ -d node_modules/playwright-core ]; then
  bash scripts/setup.sh test >&2
fi
node bench/run.mjs "$@"
