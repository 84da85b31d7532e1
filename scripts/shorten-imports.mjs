// Renames the wasm's imports from wasm-bindgen's glue module to short names, in the
// wasm and in the glue alike. wasm-bindgen names each import after the JS function plus
// a 16-digit hash (`__wbg_slice_984d22ab53865879`): over a hundred of them cost kilobytes
// that no compressor can shrink, in both files.
// Usage: node scripts/shorten-imports.mjs dist/x_bg.wasm dist/x.js
import { readFileSync, writeFileSync } from "node:fs";

const [wasmPath, jsPath] = process.argv.slice(2);
const wasm = readFileSync(wasmPath);
let js = readFileSync(jsPath, "utf8");

function uleb(buf, at) {
  let value = 0, shift = 0, byte;
  do {
    byte = buf[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}
function toUleb(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return Buffer.from(out);
}
const name = (s) => Buffer.concat([toUleb(Buffer.byteLength(s)), Buffer.from(s)]);

// Short names: a, b, …, z, A, …, Z, aa, ab, …
const ALPHA = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const short = (i) => (i < ALPHA.length ? ALPHA[i] : short(Math.floor(i / ALPHA.length) - 1) + ALPHA[i % ALPHA.length]);

const parts = [wasm.subarray(0, 8)];
let at = 8;
const renamed = new Map();
while (at < wasm.length) {
  const id = wasm[at];
  const [size, body] = uleb(wasm, at + 1);
  const end = body + size;
  if (id !== 2) {
    parts.push(wasm.subarray(at, end));
    at = end;
    continue;
  }
  // The import section: module, field, then the import's description as it is.
  let p = body;
  let count;
  [count, p] = uleb(wasm, p);
  const out = [toUleb(count)];
  for (let i = 0; i < count; i++) {
    let len;
    [len, p] = uleb(wasm, p);
    const module = wasm.subarray(p, p + len).toString();
    p += len;
    [len, p] = uleb(wasm, p);
    const field = wasm.subarray(p, p + len).toString();
    p += len;
    const descStart = p;
    const kind = wasm[p++];
    if (kind === 0) [, p] = uleb(wasm, p); // function: type index
    else if (kind === 1) { p++; const flags = wasm[p++]; [, p] = uleb(wasm, p); if (flags & 1) [, p] = uleb(wasm, p); } // table
    else if (kind === 2) { const flags = wasm[p++]; [, p] = uleb(wasm, p); if (flags & 1) [, p] = uleb(wasm, p); } // memory
    else if (kind === 3) p += 2; // global: type, mutability
    else throw new Error(`unknown import kind ${kind}`);
    let next = field;
    if (module !== "env" && /^__w/.test(field)) {
      next = short(renamed.size);
      renamed.set(field, next);
    }
    out.push(name(module), name(next), wasm.subarray(descStart, p));
  }
  const section = Buffer.concat(out);
  parts.push(Buffer.from([2]), toUleb(section.length), section);
  at = end;
}

for (const [from, to] of renamed) {
  const pattern = new RegExp(`\\b${from}\\b(?=\\s*:)`, "g");
  const hits = js.match(pattern)?.length ?? 0;
  if (hits !== 1) throw new Error(`${from}: expected one key in the glue, found ${hits}`);
  js = js.replace(pattern, to);
}
writeFileSync(wasmPath, Buffer.concat(parts));
writeFileSync(jsPath, js);
console.log(`shortened ${renamed.size} import names`);
