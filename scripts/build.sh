#!/usr/bin/env bash
# Builds the release embed into dist/:
#   salystyr.js            the loader (custom element), the one file a page includes
#   salystyr_core.js       wasm-bindgen's glue (minified by terser)
#   salystyr_core_bg.wasm  the app, optimised by wasm-opt
#   salystyr-fallback.json the built-in figures as text, fetched only without WebAssembly
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

# Short source paths in the few panic locations the wasm carries.
sysroot_src="/rustc/$(rustc -vV | sed -n 's/^commit-hash: //p')"
RUSTFLAGS="--remap-path-prefix=$HOME/.cargo/registry/src/= --remap-path-prefix=$PWD/= --remap-path-prefix=$sysroot_src=" \
  cargo build --release --lib --target wasm32-unknown-unknown --quiet
rm -rf dist.tmp && mkdir dist.tmp
wasm-bindgen target/wasm32-unknown-unknown/release/salystyr.wasm \
  --target web --no-typescript --out-dir dist.tmp --out-name salystyr_core
node scripts/shorten-imports.mjs dist.tmp/salystyr_core_bg.wasm dist.tmp/salystyr_core.js
wasm-opt -Oz --converge --strip-debug --strip-producers \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-reference-types --enable-multivalue --enable-mutable-globals \
  dist.tmp/salystyr_core_bg.wasm -o dist.tmp/salystyr_core_bg.wasm
# Minify both scripts (the glue keeps its export names; --module allows top-level mangling).
terser dist.tmp/salystyr_core.js --module --compress --mangle -o dist.tmp/salystyr_core.js
terser web/salystyr.js --module --compress --mangle -o dist.tmp/salystyr.js
# What the element shows where WebAssembly is not allowed: the figures as text.
cargo run --quiet --bin salystyr -- fallback > dist.tmp/salystyr-fallback.json
rm -rf dist && mv dist.tmp dist
echo "built dist/: $(ls dist | tr '\n' ' ')"
