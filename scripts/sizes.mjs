// Prints the sizes of everything the embed loads from dist/: raw, gzip (level 9) and
// brotli (quality 11), per file and in total. With --budget, exits 1 when the brotli
// total exceeds BUDGET_BROTLI (size is deterministic, so CI can guard it), and when a
// file of the bundle is missing or empty: an empty or half-built dist/ weighs nothing
// and must not pass. --dist DIR measures another folder (the tests of this script).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

export const BUDGET_BROTLI = 100 * 1024;
// Fetched only where WebAssembly cannot run, or only when a reader asks for a download:
// listed, not counted.
const ONLY_WITHOUT_WASM = "salystyr-fallback.json";
const ON_DEMAND = ["salystyr_export.js", "salystyr_export_bg.wasm"];
// The demo article page that Trunk builds beside the bundle: not part of it.
const DEMO = ["index.html", "article.css"];
// The built-in dataset prerendered: a page fetches the one of its reader's language, so
// the largest counts.
const ONE_OF = ["salystyr-kk.html", "salystyr-ru.html", "salystyr-en.html"];
/** What scripts/build.sh puts in dist/, every file of it needed by a page. */
export const BUNDLE = ["salystyr.js", "salystyr_core_bg.wasm", "salystyr.css", ...ONE_OF, ...ON_DEMAND, ONLY_WITHOUT_WASM];

const arg = process.argv.indexOf("--dist");
const dir =
  arg > 0 ? pathToFileURL(resolve(process.argv[arg + 1]) + "/") : new URL("../dist/", import.meta.url);
const budget = process.argv.includes("--budget");
if (!existsSync(dir)) {
  console.log(`no ${dir.pathname}: build it first (scripts/build.sh)`);
  process.exit(1);
}
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
// FILE.br and FILE.gz are scripts/precompress.mjs' copies of FILE: not counted again.
const rows = readdirSync(dir)
  .filter((name) => name !== ONLY_WITHOUT_WASM && !DEMO.includes(name) && !/\.(br|gz)$/.test(name))
  .sort()
  .map((name) => {
    const b = readFileSync(new URL(name, dir));
    return {
      name,
      raw: b.length,
      gzip: gzipSync(b, { level: 9 }).length,
      brotli: brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
const largest = rows
  .filter((r) => ONE_OF.includes(r.name))
  .reduce((a, r) => (r.brotli > (a?.brotli ?? -1) ? r : a), null);
const counted = rows.filter((r) => (!ONE_OF.includes(r.name) || r === largest) && !ON_DEMAND.includes(r.name));
const total = counted.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), {
  raw: 0,
  gzip: 0,
  brotli: 0,
});
console.log(`${"file".padEnd(24)} ${"raw KiB".padStart(8)} ${"gzip KiB".padStart(8)} ${"br KiB".padStart(8)}`);
for (const r of [...rows, { name: "total", ...total }]) {
  const note = ONE_OF.includes(r.name)
    ? r === largest
      ? "  (one per page: the largest counts)"
      : "  (not counted)"
    : ON_DEMAND.includes(r.name)
      ? "  (on the first download only: not counted)"
      : "";
  console.log(`${r.name.padEnd(24)} ${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}${note}`);
}
try {
  const b = readFileSync(new URL(ONLY_WITHOUT_WASM, dir));
  const br = brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  console.log(`(${ONLY_WITHOUT_WASM}, fetched only without WebAssembly: ${kb(b.length).trim()} raw, ${kb(br).trim()} br KiB)`);
} catch {}
const size = (name) => {
  try {
    return readFileSync(new URL(name, dir)).length;
  } catch {
    return 0;
  }
};
const missing = BUNDLE.filter((name) => size(name) === 0);
if (missing.length) console.log(`missing or empty in ${dir.pathname}: ${missing.join(", ")}`);
if (budget) {
  const ok = total.brotli <= BUDGET_BROTLI && missing.length === 0;
  console.log(`brotli total ${kb(total.brotli).trim()} KiB, budget ${BUDGET_BROTLI / 1024} KiB: ${ok ? "ok" : missing.length ? "INCOMPLETE" : "OVER"}`);
  if (!ok) process.exit(1);
}
