// Trunk's post-build hook (Trunk.toml): completes the bundle in Trunk's staging dir, the
// files pages name directly (README, "Embedding").
//
//   core/salystyr.js + core/salystyr_bg.wasm   (the widget, as Trunk built it)
//     -> salystyr.js (the loader with the glue folded in) + salystyr_core_bg.wasm
//   export/*.js + export/*_bg.wasm              (the downloads)
//     -> salystyr_export.js + salystyr_export_bg.wasm
//   + salystyr.css, salystyr-{kk,ru,en}.html, salystyr-fallback.json (`salystyr assets`)
//   + the demo's prerendered snippet in index.html (`salystyr embed`)
//
// Import names are shortened in each wasm and its glue (scripts/shorten-imports.mjs), the
// scripts minified by terser. Runs with TRUNK_STAGING_DIR set; `node scripts/post-build.mjs DIR`
// runs it on another folder.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const stage = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!stage) throw new Error("post-build: no TRUNK_STAGING_DIR");
const bin = join(root, "node_modules/.bin");
const run = (cmd, args, options = {}) =>
  execFileSync(cmd, args, { cwd: root, stdio: ["ignore", "pipe", "inherit"], encoding: "utf8", ...options });
// The command line is a native build: none of the wasm build's flags, nor its target dir.
const native = Object.fromEntries(
  Object.entries(process.env).filter(
    ([k]) => !/^(RUSTFLAGS|RUSTC_BOOTSTRAP|CARGO_UNSTABLE_|CARGO_TARGET_DIR$|CARGO_BUILD_RUSTFLAGS)/.test(k),
  ),
);
const salystyr = (...args) => run("cargo", ["run", "--quiet", "--bin", "salystyr", "--", ...args], { env: native });

/** The glue and the wasm that Trunk wrote for one crate into `dir`. */
function built(dir) {
  const files = readdirSync(join(stage, dir));
  const wasm = files.find((f) => f.endsWith("_bg.wasm"));
  const glue = wasm && files.find((f) => f === wasm.replace(/_bg\.wasm$/, ".js"));
  if (!glue) throw new Error(`post-build: no wasm-bindgen output in ${dir}/: ${files.join(", ")}`);
  return { glue: join(stage, dir, glue), wasm: join(stage, dir, wasm) };
}

const core = built("core");
const exporter = built("export");
for (const { glue, wasm } of [core, exporter]) {
  run(process.execPath, [join(root, "scripts/shorten-imports.mjs"), wasm, glue]);
}
// The loader (copied as is by Trunk) with the widget's glue folded in, minified.
const loader = join(stage, "salystyr.js");
writeFileSync(join(stage, "bundle.js"), run(process.execPath, [join(root, "scripts/bundle.mjs"), core.glue, loader]));
run(join(bin, "terser"), [join(stage, "bundle.js"), "--module", "--compress", "--mangle", "-o", loader]);
rmSync(join(stage, "bundle.js"));
renameSync(core.wasm, join(stage, "salystyr_core_bg.wasm"));
run(join(bin, "terser"), [exporter.glue, "--module", "--compress", "--mangle", "-o", join(stage, "salystyr_export.js")]);
renameSync(exporter.wasm, join(stage, "salystyr_export_bg.wasm"));
rmSync(join(stage, "core"), { recursive: true });
rmSync(join(stage, "export"), { recursive: true });

// The stylesheet, the built-in dataset's files, the texts for where WebAssembly cannot run.
salystyr("assets", stage);

// The demo: its first instance is the prerendered snippet; the build's own links go.
const page = join(stage, "index.html");
if (existsSync(page)) {
  const marker = /<!-- salystyr embed --lang (kk|ru|en) -->/;
  const html = readFileSync(page, "utf8").replace(/ *<link data-trunk [^>]*>\n?/g, "");
  const lang = html.match(marker)?.[1];
  if (lang) {
    const snippet = salystyr("embed", join(root, "data/seed.json"), "--lang", lang, "--base", ".");
    writeFileSync(page, html.replace(marker, snippet.trim()));
  }
}

// Compressed ahead of time, so that a server sends them as they are.
const precompress = join(root, "scripts/precompress.mjs");
if (existsSync(precompress)) run(process.execPath, [precompress, stage]);
