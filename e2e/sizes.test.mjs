// The size gate of scripts/test.sh (scripts/sizes.mjs --budget): it passes the built
// bundle and fails on anything that is not a whole bundle within budget.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync, readdirSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const SCRIPT = fileURLToPath(new URL("../scripts/sizes.mjs", import.meta.url));
const DIST = fileURLToPath(new URL("../dist/", import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), "salystyr-sizes-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

const gate = (dir) => {
  const r = spawnSync(process.execPath, [SCRIPT, "--budget", "--dist", dir], { encoding: "utf8", timeout: 60_000 });
  return { status: r.status, out: r.stdout + r.stderr };
};
let n = 0;
/** A folder holding a copy of dist/ with `change` applied. */
const folder = (change = () => {}) => {
  const dir = join(tmp, `d${++n}`);
  mkdirSync(dir);
  change(dir);
  return dir;
};

test("the built bundle passes the size gate", () => {
  const files = readdirSync(DIST).filter((f) => !/\.(br|gz)$/.test(f)); // precompressed copies aside
  assert.deepEqual(files.sort(), [
    "article.css", // the demo page, which Trunk builds beside the bundle
    "index.html",
    "salystyr-en.html",
    "salystyr-fallback.json",
    "salystyr-kk.html",
    "salystyr-ru.html",
    "salystyr.css",
    "salystyr.js",
    "salystyr_core_bg.wasm",
    "salystyr_export.js",
    "salystyr_export_bg.wasm",
  ]);
  const { status, out } = gate(folder((d) => cpSync(DIST, d, { recursive: true })));
  assert.equal(status, 0, out);
  assert.match(out, /: ok$/m);
});

test("an empty, missing or half-built dist/ fails the size gate", () => {
  const cases = {
    missing: join(tmp, "nowhere"),
    empty: folder(),
    "only the loader": folder((d) => cpSync(join(DIST, "salystyr.js"), join(d, "salystyr.js"))),
    "an empty wasm": folder((d) => {
      cpSync(DIST, d, { recursive: true });
      writeFileSync(join(d, "salystyr_core_bg.wasm"), "");
    }),
    "no fallback": folder((d) => {
      cpSync(DIST, d, { recursive: true });
      rmSync(join(d, "salystyr-fallback.json"));
    }),
  };
  for (const [name, dir] of Object.entries(cases)) {
    const { status, out } = gate(dir);
    assert.notEqual(status, 0, `${name} passed:\n${out}`);
  }
});

test("a bundle over 100 KiB brotli fails the size gate", () => {
  const dir = folder((d) => {
    cpSync(DIST, d, { recursive: true });
    writeFileSync(join(d, "salystyr_core_bg.wasm"), randomBytes(101 * 1024)); // incompressible
  });
  const { status, out } = gate(dir);
  assert.equal(status, 1, out);
  assert.match(out, /OVER/);
});
