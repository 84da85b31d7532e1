#!/usr/bin/env bash
# Builds the release embed into dist/:
#   salystyr.js            the loader (custom element), the one file a page includes
#   salystyr_core.js       wasm-bindgen's glue (minified by terser)
#   salystyr_core_bg.wasm  the app, optimised by wasm-opt
#   salystyr-fallback.json the built-in figures as text, fetched only without WebAssembly
# and next to each of them FILE.br (brotli q11) and FILE.gz (gzip -9), which
# scripts/serve.mjs sends as they are (a CDN's precompressed files).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

# The standard library is rebuilt for size (rust-src, added by scripts/setup.sh): a panic
# aborts at once, without formatting a message or carrying source locations, and Debug
# formatting compiles to nothing. That saves 9 KiB brotli (94.4 -> 85.4 KiB of wasm).
# These are unstable flags of the installed stable compiler, allowed by RUSTC_BOOTSTRAP
# for this one build only; tests build without them. Own target dir: other flags.
sysroot_src="/rustc/$(rustc -vV | sed -n 's/^commit-hash: //p')"
RUSTC_BOOTSTRAP=1 \
RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none \
  --remap-path-prefix=$HOME/.cargo/registry/src/= --remap-path-prefix=$PWD/= --remap-path-prefix=$sysroot_src=" \
  cargo build --release --lib --target wasm32-unknown-unknown --quiet --target-dir target/embed \
    -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size
rm -rf dist.tmp && mkdir dist.tmp
wasm-bindgen target/embed/wasm32-unknown-unknown/release/salystyr.wasm \
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
# Compressed once here, never per request.
node scripts/precompress.mjs dist.tmp >/dev/null
rm -rf dist && mv dist.tmp dist
echo "built dist/: $(ls dist | tr '\n' ' ')"
