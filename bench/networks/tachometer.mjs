// tachometer (the pinned npm package) on the loopback first figure: the variants side by
// side, sampled round-robin, with 95 % confidence intervals of each mean and of every
// difference. Tachometer drives Chromium through WebDriver (/usr/bin/chromedriver; see
// bench/chromedriver/), where no init script can be injected, so it loads copies of the
// pages with bench/networks/probe.js inlined as their first script (NAME.tach.html) and
// reads `window.__net.figure`. Each sample opens a new tab in one browser; the files are
// served with `cache-control: no-store`, so that every sample fetches them again (a cold
// HTTP cache, as in the hand-written runner; connections may be reused).
// Returns { rows, differences, table } or { skipped: why }.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "../../scripts/serve.mjs";
import { precompress } from "../../scripts/precompress.mjs";
import { CHROMIUM } from "../../e2e/browser.mjs";
import { OUT, URL_BASE } from "./pages.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TACH = `${ROOT}node_modules/tachometer/bin/tach.js`;
const PROBE = fileURLToPath(new URL("probe.js", import.meta.url));
const DRIVER = process.env.CHROMEDRIVER ?? "/usr/bin/chromedriver";

const run = (args, timeout) =>
  new Promise((resolve) => {
    execFile(process.execPath, [TACH, ...args], { cwd: ROOT, timeout, maxBuffer: 16 << 20 }, (error, stdout, stderr) =>
      resolve({ error, stdout, stderr }),
    );
  });

export async function tachometer(made, variants, samples, log = () => {}) {
  if (!existsSync(TACH)) return { skipped: "tachometer is not installed (npm ci)" };
  if (!existsSync(DRIVER)) return { skipped: `no chromedriver at ${DRIVER} (scripts/setup.sh test installs Debian's chromium-driver)` };
  const probe = readFileSync(PROBE, "utf8");
  for (const v of variants) {
    const html = readFileSync(`${OUT}${v.id}.html`, "utf8");
    writeFileSync(`${OUT}${v.id}.tach.html`, html.replace("<head>", `<head>\n<script>${probe}</script>`));
  }
  precompress(variants.map((v) => `${OUT}${v.id}.tach.html`));

  const server = await serve({ root: ROOT, headers: () => ({ "cache-control": "no-store" }) });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const dir = mkdtempSync(join(tmpdir(), "salystyr-tach-"));
  try {
    const browser = {
      name: "chrome",
      headless: true,
      binary: CHROMIUM,
      addArguments: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"],
      windowSize: { width: 1000, height: 800 },
    };
    const config = {
      sampleSize: samples,
      timeout: 0, // exactly `samples` samples, no auto-sampling
      benchmarks: variants.map((v) => ({
        name: v.id,
        url: `${origin}${URL_BASE}${v.id}.tach.html`,
        measurement: [{ mode: "expression", expression: "window.__net && window.__net.figure" }],
        browser,
      })),
    };
    writeFileSync(join(dir, "tachometer.json"), JSON.stringify(config, null, 1));
    const { error, stdout, stderr } = await run(
      ["--config", join(dir, "tachometer.json"), "--json-file", join(dir, "out.json")],
      Math.max(120_000, samples * variants.length * 10_000),
    );
    if (error || !existsSync(join(dir, "out.json"))) {
      const why = `${stderr || stdout || error?.message}`.replace(/\x1b\[[0-9;]*m/g, "").trim().split("\n").filter(Boolean).slice(-3).join(" ");
      log(`networks: tachometer failed: ${why}`);
      return { skipped: `tachometer failed: ${why}` };
    }
    const out = JSON.parse(readFileSync(join(dir, "out.json"), "utf8"));
    const names = out.benchmarks.map((b) => b.name);
    return {
      samples,
      rows: out.benchmarks.map((b) => ({
        id: b.name,
        mean: b.mean,
        samples: b.samples,
        // differences[j]: this benchmark minus benchmark j, 95 % confidence interval
        vs: Object.fromEntries(
          b.differences.map((d, j) => [names[j], d && { ms: d.absolute, percent: d.percentChange }]).filter(([, d]) => d),
        ),
      })),
      table: stdout.replace(/\x1b\[[0-9;]*m/g, "").trim(),
    };
  } finally {
    server.closeAllConnections?.();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
