// Lighthouse (the pinned npm package, 12.2.3: the last that runs on Node 20) on each page
// under the 4G profile: LCP, CLS, TBT (and FCP, TTI), as a second opinion from a kept
// tool. The system's headless Chromium is started once with a DevTools port (the same
// binary as everywhere in the bench); each run is Lighthouse's usual navigation with
// its storage reset (a cold cache). Throttling is Lighthouse's "devtools" method, which
// applies the same CDP network emulation as bench/networks.mjs: per-request latency 40 ms
// and 10 Mbit/s both ways (Lighthouse counts kbit as 1024 bit: 9765.625 of them), no CPU
// slowdown; a 1000x800 desktop screen, as the runner's viewport.
// Returns { runs, rows, settings } or { skipped: why }.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "../../scripts/serve.mjs";
import { CHROMIUM } from "../../e2e/browser.mjs";
import { median } from "../stats.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const AUDITS = {
  fcp: "first-contentful-paint",
  lcp: "largest-contentful-paint",
  cls: "cumulative-layout-shift",
  tbt: "total-blocking-time",
  tti: "interactive",
};

/** Starts headless Chromium with a DevTools port; resolves to { port, stop }. */
function startChromium(profileDir) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      CHROMIUM,
      ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--remote-debugging-port=0", `--user-data-dir=${profileDir}`, "about:blank"],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    let text = "";
    const timer = setTimeout(() => reject(new Error("Chromium did not open its DevTools port within 30 s")), 30_000);
    child.stderr.on("data", (d) => {
      text += d;
      const m = text.match(/DevTools listening on ws:\/\/[^:]+:(\d+)\//);
      if (m) {
        clearTimeout(timer);
        resolve({
          port: Number(m[1]),
          stop: () =>
            new Promise((done) => {
              child.once("exit", done);
              child.kill();
            }),
        });
      }
    });
    child.once("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

export async function lighthouse(made, variants, runs, profile, log = () => {}) {
  let lh;
  try {
    lh = (await import("lighthouse")).default;
  } catch (error) {
    return { skipped: `Lighthouse is not installed (npm ci): ${error.message}` };
  }
  if (!existsSync(CHROMIUM)) return { skipped: `no Chromium at ${CHROMIUM}` };
  const c = profile.conditions;
  const kbps = (bytesPerSecond) => (bytesPerSecond * 8) / 1024;
  const flags = {
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance"],
    formFactor: "desktop",
    screenEmulation: { mobile: false, width: 1000, height: 800, deviceScaleFactor: 1, disabled: false },
    throttlingMethod: "devtools",
    throttling: {
      rttMs: c.latency,
      throughputKbps: kbps(c.downloadThroughput),
      requestLatencyMs: c.latency,
      downloadThroughputKbps: kbps(c.downloadThroughput),
      uploadThroughputKbps: kbps(c.uploadThroughput),
      cpuSlowdownMultiplier: 1,
    },
  };
  const server = await serve({ root: ROOT, headers: () => ({ "cache-control": "no-store" }) });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const profileDir = mkdtempSync(join(tmpdir(), "salystyr-lh-"));
  let chromium;
  try {
    chromium = await startChromium(profileDir);
    const all = Object.fromEntries(variants.map((v) => [v.id, []]));
    let version = "";
    for (let i = 0; i < runs; i++) {
      for (const v of variants) {
        const result = await lh(`${origin}${made.pages[v.id]}`, { ...flags, port: chromium.port });
        const lhr = result?.lhr;
        if (!lhr || lhr.runtimeError) throw new Error(`Lighthouse on ${v.id}: ${lhr?.runtimeError?.message ?? "no result"}`);
        version = lhr.lighthouseVersion;
        // Audits Lighthouse could not compute with this Chromium (none of the metrics above).
        const errored = Object.values(lhr.audits).filter((a) => a.scoreDisplayMode === "error");
        const failed = errored.map((a) => a.id);
        const why = errored.map((a) => a.errorMessage.replace(/^.*(exception|error): /, "").slice(0, 100));
        all[v.id].push({
          ...Object.fromEntries(Object.entries(AUDITS).map(([k, id]) => [k, lhr.audits[id]?.numericValue ?? null])),
          failed,
          why,
          warnings: lhr.runWarnings,
        });
      }
    }
    const rows = variants.map((v) => ({
      id: v.id,
      ...Object.fromEntries(Object.keys(AUDITS).map((k) => [k, median(all[v.id].map((r) => r[k]).filter((x) => x != null))])),
      failed: [...new Set(all[v.id].flatMap((r) => r.failed))],
      why: [...new Set(all[v.id].flatMap((r) => r.why))],
      warnings: [...new Set(all[v.id].flatMap((r) => r.warnings))],
    }));
    return { version, runs, profile: profile.label, rows, all };
  } catch (error) {
    log(`networks: Lighthouse failed: ${error.message}`);
    return { skipped: `Lighthouse failed: ${error.message}` };
  } finally {
    await chromium?.stop();
    server.closeAllConnections?.();
    server.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
}
