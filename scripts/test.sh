#!/usr/bin/env bash
# Runs every test, installing what is missing first (scripts/setup.sh):
#   formatting and lints; native unit, table and SSR snapshot tests; wasm-bindgen tests
#   in headless Chromium; the release build; end-to-end tests of dist/ in a host page.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format and lints"
cargo fmt --all -- --check
cargo clippy --quiet --all-targets -- -D warnings
cargo clippy --quiet --lib --target wasm32-unknown-unknown -- -D warnings
cargo fmt --manifest-path export/Cargo.toml -- --check
cargo clippy --quiet --manifest-path export/Cargo.toml --target wasm32-unknown-unknown -- -D warnings

step "native tests (model, format, i18n, layout, reducer, SSR snapshots)"
cargo test --quiet

step "browser tests (wasm-bindgen-test in headless Chromium)"
CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver} \
  cargo test --target wasm32-unknown-unknown --test browser

step "release build"
bash scripts/build.sh

step "end-to-end tests (dist/ in a host page, headless Chromium)"
node --test --test-reporter=spec e2e/

step "size budget"
node scripts/sizes.mjs --budget
