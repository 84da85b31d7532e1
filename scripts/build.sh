#!/usr/bin/env bash
# Builds the release embed into dist/:
#   salystyr.js            the loader (custom element) with wasm-bindgen's glue folded in,
#                          the one file a page includes
#   salystyr_core_bg.wasm  the app, optimised by wasm-opt
#   salystyr.css           the widget's stylesheet
#   salystyr_export.js, salystyr_export_bg.wasm  the downloads, loaded on first use
#   salystyr-kk.html, -ru, -en  the built-in dataset prerendered in each language
#   salystyr-fallback.json the built-in figures as text, fetched only without WebAssembly
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

# The standard library is rebuilt for size (rust-src, added by scripts/setup.sh): a panic
# aborts at once, without formatting a message or carrying source locations, and Debug
# formatting compiles to nothing. That saves 9 KiB brotli (94.4 -> 85.4 KiB of wasm).
# These are unstable flags of the installed stable compiler, allowed by RUSTC_BOOTSTRAP
# for this one build only; tests build without them. Own target dir: other flags.
sysroot_src="/rustc/$(rustc -vV | sed -n 's/^commit-hash: //p')"
wasm() { # PACKAGE: builds one wasm crate of the workspace for size
  RUSTC_BOOTSTRAP=1 \
  RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none \
    --remap-path-prefix=$HOME/.cargo/registry/src/= --remap-path-prefix=$PWD/= --remap-path-prefix=$sysroot_src=" \
    cargo build --release --lib -p "$1" --target wasm32-unknown-unknown --quiet --target-dir target/embed \
      -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size
}
bindgen() { # WASM NAME: wasm-bindgen's glue, short import names, wasm-opt
  wasm-bindgen "target/embed/wasm32-unknown-unknown/release/$1.wasm" \
    --target web --no-typescript --out-dir dist.tmp --out-name "$2"
  node scripts/shorten-imports.mjs "dist.tmp/$2_bg.wasm" "dist.tmp/$2.js"
  wasm-opt -Oz --converge --strip-debug --strip-producers \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-reference-types --enable-multivalue --enable-mutable-globals \
    "dist.tmp/$2_bg.wasm" -o "dist.tmp/$2_bg.wasm"
}
# The widget, and the downloads (CSV, picture) as a second wasm loaded only when a reader
# asks for a file. Built one at a time: built together, cargo would unify their features
# and the downloads would carry the whole widget.
wasm salystyr
wasm salystyr-export
rm -rf dist.tmp && mkdir dist.tmp
bindgen salystyr salystyr_core
bindgen salystyr_export salystyr_export
terser dist.tmp/salystyr_export.js --module --compress --mangle -o dist.tmp/salystyr_export.js
# One script: the glue folded into the loader, minified (--module allows top-level
# mangling; nothing is exported).
node scripts/bundle.mjs dist.tmp/salystyr_core.js web/salystyr.js > dist.tmp/bundle.js
terser dist.tmp/bundle.js --module --compress --mangle -o dist.tmp/salystyr.js
rm dist.tmp/bundle.js dist.tmp/salystyr_core.js
# The stylesheet, the built-in dataset's prerender in each language (shown while the wasm
# loads, and where it cannot run), and the texts for where WebAssembly cannot run.
cargo run --quiet --bin salystyr -- assets dist.tmp
rm -rf dist && mv dist.tmp dist
echo "built dist/: $(ls dist | tr '\n' ' ')"
