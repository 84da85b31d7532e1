#!/usr/bin/env bash
# The performance benchmark: builds the release embed, then measures it in headless
# Chromium (bench/run.mjs): bytes, first figure painted (cold and warm cache), re-render
# after a language switch and a category toggle, long tasks and dropped frames, and 1, 10
# and 50 instances (time and memory), and the first figure on loopback, 4G and slow
# networks beside a Chart.js page and a static floor (bench/networks.mjs, with tachometer
# and Lighthouse). Prints Markdown tables on stdout (build output and progress go to
# stderr) and writes them, with the budgets and targets, into BENCHMARKS.md. About ten
# minutes on a 2-core machine.
# Not part of scripts/test.sh: times depend on the machine and nothing asserts them.
#   BENCH_NO_BUILD=1 scripts/bench.sh   measures dist/ as it is, without building
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
if [ -z "${BENCH_NO_BUILD:-}" ]; then
  bash scripts/setup.sh build >&2
  bash scripts/build.sh >&2
  # The command line, for the prerendered variant (`salystyr embed`) of bench/networks.mjs.
  cargo build --quiet --bin salystyr >&2
fi
[ -f dist/salystyr_core_bg.wasm ] || { echo "bench: no dist/: run scripts/build.sh" >&2; exit 1; }
# The browser and its driver come with the test tools (Debian's chromium and
# chromium-driver, for tachometer); the npm tools (playwright-core, chart.js, tachometer,
# lighthouse) with npm ci.
if ! [ -x "${CHROMIUM:-/usr/bin/chromium}" ] || ! [ -x /usr/bin/chromedriver ] \
  || ! [ -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  bash scripts/setup.sh test >&2
fi
node bench/run.mjs "$@"
