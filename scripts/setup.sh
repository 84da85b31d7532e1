#!/usr/bin/env bash
# Installs what building and testing Salystyr needs, skipping whatever is already there:
#   the wasm32 target and rust-src, wasm-bindgen-cli at exactly the wasm-bindgen crate's
#   version, Trunk, the npm tools (wasm-opt from binaryen, terser, playwright-core, …),
#   Chromium and chromedriver.
# Usage: scripts/setup.sh [build|test]   (build: no browser needed)
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-test}

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_install() {
  say "installing $* (apt)"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

command -v cargo >/dev/null || { echo "setup: cargo is missing: install Rust with rustup first" >&2; exit 1; }
export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The release build recompiles the standard library for size: it needs its source.
if ! rustup component list --installed 2>/dev/null | grep -q '^rust-src'; then
  say "adding the rust-src component"
  rustup component add rust-src
fi

# wasm-bindgen-cli must match the wasm-bindgen crate exactly (Cargo.lock).
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (had: ${have:-none}); takes a few minutes"
  cargo install wasm-bindgen-cli --version "=$want" --force
fi

# Trunk builds and serves the embed (Trunk.toml), pinned; 0.21 builds on the installed
# Rust (0.22 needs a newer one). It never downloads a tool: offline = true.
TRUNK_VERSION=0.21.14
if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (builds from source: several minutes)"
  cargo install trunk --version "=$TRUNK_VERSION" --locked --force
fi

command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm
# npm writes node_modules/.package-lock.json on install: older than the lock, reinstall.
if ! [ -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm tools (wasm-opt from binaryen, terser, playwright-core, axe-core; for the bench chart.js, tachometer, lighthouse)"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ "$what" = test ]; then
  if ! [ -x /usr/bin/chromium ] || ! [ -x /usr/bin/chromedriver ]; then
    apt_install chromium chromium-driver
  fi
fi
