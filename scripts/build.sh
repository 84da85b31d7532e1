#!/usr/bin/env bash
# The release build: `trunk build --release` (Trunk.toml, index.html) with the size flags,
# into dist/:
#   salystyr.js            the loader (custom element) with wasm-bindgen's glue folded in,
#                          the one file a page includes
#   salystyr_core_bg.wasm  the widget, optimised by wasm-opt
#   salystyr.css           the widget's stylesheet
#   salystyr-kk.html, -ru, -en  the built-in dataset and its prerender in each language
#   salystyr_export.js, salystyr_export_bg.wasm  the downloads, loaded on first use
#   salystyr-fallback.json the texts for where WebAssembly cannot run
#   index.html, article.css  the demo article page (not part of the bundle)
# and each of them compressed ahead of time (.br, .gz).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

# The standard library is rebuilt for size (rust-src, added by scripts/setup.sh): a panic
# aborts at once, without formatting a message or carrying source locations, and Debug
# formatting compiles to nothing. That saves 9 KiB brotli. These are unstable flags of the
# installed stable compiler, allowed by RUSTC_BOOTSTRAP for this build only, and only for
# the wasm target (the post-build hook's command line builds natively without them); tests
# build without them. Own target dir: other flags.
sysroot_src="/rustc/$(rustc -vV | sed -n 's/^commit-hash: //p')"
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD="std,panic_abort"
export CARGO_UNSTABLE_BUILD_STD_FEATURES="optimize_for_size"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort \
  -Zlocation-detail=none -Zfmt-debug=none --remap-path-prefix=$HOME/.cargo/registry/src/= \
  --remap-path-prefix=$PWD/= --remap-path-prefix=$sysroot_src="
export CARGO_TARGET_DIR=target/embed
# Trunk runs cargo offline (Trunk.toml: offline = true): what the build needs is fetched
# first, the standard library's own dependencies included (build-std).
cargo fetch --quiet --target wasm32-unknown-unknown
cargo fetch --quiet --target wasm32-unknown-unknown --manifest-path export/Cargo.toml
trunk build --release "$@"
echo "built dist/: $(ls dist | grep -v '\.\(br\|gz\)$' | tr '\n' ' ')"
