// Prints the sizes of everything the embed loads from dist/: raw, gzip (level 9) and
// brotli (quality 11), per file and in total. With --budget, exits 1 when the brotli
// total exceeds BUDGET_BROTLI (size is deterministic, so CI can guard it).
import { readdirSync, readFileSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

export const BUDGET_BROTLI = 100 * 1024;
const dir = new URL("../dist/", import.meta.url);
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
// Fetched only where WebAssembly cannot run: listed, not counted.
const ONLY_WITHOUT_WASM = "salystyr-fallback.json";
// FILE.br and FILE.gz are scripts/precompress.mjs' copies of FILE: not counted again.
const rows = readdirSync(dir)
  .filter((name) => name !== ONLY_WITHOUT_WASM && !/\.(br|gz)$/.test(name))
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
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), {
  raw: 0,
  gzip: 0,
  brotli: 0,
});
console.log(`${"file".padEnd(24)} ${"raw KiB".padStart(8)} ${"gzip KiB".padStart(8)} ${"br KiB".padStart(8)}`);
for (const r of [...rows, { name: "total", ...total }]) {
  console.log(`${r.name.padEnd(24)} ${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}`);
}
try {
  const b = readFileSync(new URL(ONLY_WITHOUT_WASM, dir));
  const br = brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  console.log(`(${ONLY_WITHOUT_WASM}, fetched only without WebAssembly: ${kb(b.length).trim()} raw, ${kb(br).trim()} br KiB)`);
} catch {}
if (process.argv.includes("--budget")) {
  const ok = total.brotli <= BUDGET_BROTLI;
  console.log(`brotli total ${kb(total.brotli).trim()} KiB, budget ${BUDGET_BROTLI / 1024} KiB: ${ok ? "ok" : "OVER"}`);
  if (!ok) process.exit(1);
}
