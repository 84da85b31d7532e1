// Writes FILE.br (brotli, quality 11) and FILE.gz (gzip, level 9) next to every text or
// wasm file of the given folders (not recursive), as a CDN stores them ahead of time, so
// that scripts/serve.mjs sends them without compressing anything per request.
// Usage: node scripts/precompress.mjs DIR_OR_FILE...   (default: dist)
// Also importable: `precompress(paths)` returns the files it wrote.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** The kinds of file worth compressing: text, and wasm. */
export const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".wasm", ".svg", ".txt"]);

// The same settings as scripts/sizes.mjs measures with, so that the bytes sent are the
// bytes it reports.
const brotli = (body) => brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });

/** Compresses one file; returns the sizes. */
export function compressFile(path) {
  const body = readFileSync(path);
  const br = brotli(body);
  const gz = gzipSync(body, { level: 9 });
  writeFileSync(`${path}.br`, br);
  writeFileSync(`${path}.gz`, gz);
  return { path, raw: body.length, br: br.length, gz: gz.length };
}

/** Compresses every compressible file of each folder (and each file named). */
export function precompress(paths) {
  const done = [];
  for (const p of paths) {
    const files = statSync(p).isDirectory()
      ? readdirSync(p)
          .map((name) => join(p, name))
          .filter((f) => statSync(f).isFile())
      : [p];
    for (const f of files) if (COMPRESSIBLE.has(extname(f))) done.push(compressFile(f));
  }
  return done;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const done = precompress(args.length ? args : ["dist"]);
  console.log(`precompressed ${done.length} files (.br q11, .gz -9): ${done.map((d) => d.path).join(" ")}`);
}
