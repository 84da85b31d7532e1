// Measure 6: the first figure on real networks, beside a Chart.js page of the same
// figures and a static floor (issue 12, item 5). One run, interleaved: for each network
// profile, `loads` rounds of every variant in turn (A B C D A B C D …), each load in a new
// browser context (an empty HTTP cache), every file served precompressed (.br) as a CDN
// serves it. Per load: the first figure, when the controls first respond, CLS through
// mount and `settle` ms after it, long tasks before the first response, FCP, bytes.
// Then, where they can run: tachometer's side-by-side comparison with confidence
// intervals on loopback (bench/networks/tachometer.mjs), and Lighthouse on 4G
// (bench/networks/lighthouse.mjs).
//
// bench/run.mjs runs this as part of the whole benchmark. Alone:
//   node bench/networks.mjs   runs this section only, prints it, and rewrites this
//                             section of BENCHMARKS.md (the rest stays as it was)
// Settings (environment): BENCH_NET_LOADS (7 loads per variant and profile),
// BENCH_NET_SETTLE (2000 ms watched after mount), BENCH_TACH_SAMPLES (10; 0 skips
// tachometer), BENCH_LH_RUNS (1 per page; 0 skips Lighthouse).
import { fileURLToPath } from "node:url";
import { VIEWPORT, withTimeout } from "./harness.mjs";
import { pages } from "./networks/pages.mjs";
import { summary } from "./stats.mjs";

const PROBE = fileURLToPath(new URL("networks/probe.js", import.meta.url));
const Mbit = 1e6 / 8; // bytes per second
// How long one load may take to show its figure and answer a click (the slow profile
// needs about 1.5 s); a variant that times out twice in a profile is given up there.
const WAIT_MS = 15_000;
const GIVE_UP_AFTER = 2;

/** The network profiles of the issue. RTT is emulated as CDP's per-request latency. */
export const PROFILES = [
  { id: "loopback", label: "loopback", conditions: null },
  { id: "4g", label: "4G: 40 ms RTT, 10 Mbit/s", conditions: { latency: 40, downloadThroughput: 10 * Mbit, uploadThroughput: 10 * Mbit } },
  { id: "slow", label: "slow: 150 ms RTT, 1.6 Mbit/s", conditions: { latency: 150, downloadThroughput: 1.6 * Mbit, uploadThroughput: 1.6 * Mbit } },
];

/** The variants, in the order each round loads them. */
export const VARIANTS = [
  { id: "snippet", label: "two-line snippet", controls: true },
  { id: "prerendered", label: "prerendered snippet", controls: true },
  // The same with its stylesheet linked instead of inline: what decides `salystyr embed`'s
  // default (inline: one round trip fewer; the link needs no CSP hash).
  { id: "linked", label: "prerendered, linked style", controls: true },
  { id: "chartjs", label: "Chart.js page", controls: true },
  { id: "static", label: "static floor", controls: false },
];

export const settings = () => ({
  loads: Number(process.env.BENCH_NET_LOADS ?? 7),
  settle: Number(process.env.BENCH_NET_SETTLE ?? 2000),
  tachometerSamples: Number(process.env.BENCH_TACH_SAMPLES ?? 10),
  lighthouseRuns: Number(process.env.BENCH_LH_RUNS ?? 1),
});

/** CLS as the metric defines it: the largest session window (gaps < 1 s, at most 5 s). */
export function cls(shifts) {
  let best = 0;
  let sum = 0;
  let first = -Infinity;
  let last = -Infinity;
  for (const s of shifts.filter((x) => !x.recent).sort((a, b) => a.start - b.start)) {
    if (s.start - last < 1000 && s.start - first < 5000) sum += s.value;
    else {
      sum = s.value;
      first = s.start;
    }
    last = s.start;
    best = Math.max(best, sum);
  }
  return best;
}

/** One load of `url` in a new context under `profile`. */
async function oneLoad(browser, url, profile, variant, settle) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addInitScript({ path: PROBE });
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    const cdp = await context.newCDPSession(page);
    if (profile.conditions) {
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", { offline: false, ...profile.conditions });
    }
    await page.goto(url, { waitUntil: "commit", timeout: 30_000 });
    // Until the figure is shown and (where there are controls) they respond; a variant
    // that never gets there is recorded as such, not retried.
    let timedOut = false;
    await page
      .waitForFunction(
        (controls) => window.__net && window.__net.figure !== null && (!controls || window.__net.interactive !== null),
        variant.controls,
        { polling: 50, timeout: WAIT_MS },
      )
      .catch(() => (timedOut = true));
    // Watch `settle` ms more after mount (the later of the two), for layout shifts.
    await page.waitForFunction(
      (settle) => performance.now() >= Math.max(window.__net.figure ?? 0, window.__net.interactive ?? 0) + settle,
      settle,
      { polling: 100, timeout: settle + 5_000 },
    );
    const r = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0];
      const resources = performance.getEntriesByType("resource");
      const fcp = performance.getEntriesByName("first-contentful-paint")[0];
      return {
        ...window.__net,
        fcp: fcp ? fcp.startTime : null,
        dcl: nav.domContentLoadedEventStart,
        requests: 1 + resources.length,
        bytes: [nav, ...resources].reduce((t, e) => t + (e.transferSize || 0), 0),
        end: performance.now(),
      };
    });
    // Long tasks before the first response of the controls (no controls: the whole load).
    const until = variant.controls ? (r.interactive ?? r.end) : r.end;
    return {
      figure: r.figure,
      figureKind: r.figureKind,
      interactive: r.interactive,
      clicks: r.clicks,
      fcp: r.fcp,
      dcl: r.dcl,
      cls: cls(r.shifts),
      shifts: r.shifts.filter((s) => !s.recent),
      hidden: r.hidden.reduce((t, x) => t + x, 0),
      longtasks: r.longtasks,
      longBefore: r.longtasks.filter((t) => t.start < until),
      requests: r.requests,
      bytes: r.bytes,
      timedOut,
      errors,
    };
  } finally {
    await context.close();
  }
}

/** What layout shifts moved, over all loads: the sources by score, largest first. */
function moved(runs) {
  const by = new Map();
  for (const shift of runs.flatMap((r) => r.shifts)) {
    for (const src of shift.sources) {
      const key = `${src.node}${src.out ? " (pushed out of view)" : src.dy ? ` (${src.dy > 0 ? "+" : ""}${src.dy} px)` : ""}`;
      const had = by.get(key) ?? { key, score: 0, times: 0 };
      had.score += shift.value / shift.sources.length;
      had.times += 1;
      by.set(key, had);
    }
  }
  return [...by.values()].sort((a, b) => b.score - a.score).slice(0, 3);
}

function summarize(runs) {
  const of = (key) => runs.map((r) => r[key]).filter((x) => x != null);
  const longest = Math.max(0, ...runs.flatMap((r) => r.longBefore.map((t) => t.duration)));
  return {
    runs,
    figure: summary(of("figure")),
    interactive: summary(of("interactive")),
    fcp: summary(of("fcp")),
    cls: summary(of("cls")),
    bytes: summary(of("bytes")),
    requests: summary(of("requests")),
    clicks: summary(of("clicks")),
    longBefore: { loads: runs.filter((r) => r.longBefore.length).length, count: runs.reduce((t, r) => t + r.longBefore.length, 0), longest },
    missing: { figure: runs.filter((r) => r.figure == null).length, interactive: runs.filter((r) => r.interactive == null).length },
    gaveUp: runs.filter((r) => r.timedOut).length >= GIVE_UP_AFTER,
    errors: [...new Set(runs.flatMap((r) => r.errors))],
    moved: moved(runs),
    hidden: { loads: runs.filter((r) => r.hidden > 0).length, ms: summary(runs.filter((r) => r.hidden > 0).map((r) => r.hidden)) },
  };
}

/**
 * The whole measurement: pages, then every profile's interleaved loads; then tachometer
 * and Lighthouse (each optional, and each saying why when it cannot run).
 */
export async function networks(browser, server, opts = {}, log = () => {}) {
  const s = { ...settings(), ...opts };
  const made = pages();
  const variants = VARIANTS.filter((v) => made.pages[v.id]);
  for (const [id, why] of Object.entries(made.skipped)) log(`networks: ${id} skipped: ${why}`);
  const started = Date.now();
  const profiles = [];
  for (const profile of PROFILES) {
    log(`networks: ${profile.label}, ${s.loads} rounds of ${variants.map((v) => v.id).join(", ")}`);
    const runs = Object.fromEntries(variants.map((v) => [v.id, []]));
    for (let i = 0; i < s.loads; i++) {
      for (const v of variants) {
        if (runs[v.id].filter((r) => r.timedOut).length >= GIVE_UP_AFTER) continue;
        const url = `${server.origin}${made.pages[v.id]}`;
        const r = await withTimeout(oneLoad(browser, url, profile, v, s.settle), WAIT_MS + s.settle + 30_000, `${profile.id} ${v.id} load ${i + 1}`);
        if (r.timedOut) log(`networks: ${profile.id} ${v.id}: ${r.figure == null ? "no figure" : "no answer to clicks"} within ${WAIT_MS / 1000} s`);
        runs[v.id].push(r);
      }
    }
    profiles.push({ ...profile, variants: Object.fromEntries(variants.map((v) => [v.id, summarize(runs[v.id])])) });
  }
  const result = {
    settings: s,
    variants: variants.map(({ id, label }) => ({ id, label })),
    skipped: made.skipped,
    pages: made.pages,
    profiles,
    took: Math.round((Date.now() - started) / 1000),
  };
  const { tachometer } = await import("./networks/tachometer.mjs");
  const { lighthouse } = await import("./networks/lighthouse.mjs");
  log(s.tachometerSamples ? `networks: tachometer, ${s.tachometerSamples} samples per variant on loopback` : "networks: tachometer skipped");
  result.tachometer = s.tachometerSamples ? await tachometer(made, variants, s.tachometerSamples, log) : { skipped: "BENCH_TACH_SAMPLES=0" };
  log(s.lighthouseRuns ? `networks: Lighthouse, ${s.lighthouseRuns} run(s) per page on 4G` : "networks: Lighthouse skipped");
  result.lighthouse = s.lighthouseRuns ? await lighthouse(made, variants, s.lighthouseRuns, PROFILES[1], log) : { skipped: "BENCH_LH_RUNS=0" };
  return result;
}

// Alone: this section only (see the top of the file).
if (import.meta.url === `file://${process.argv[1]}`) {
  const { startServer, startBrowser } = await import("./harness.mjs");
  const { networksMarkdown, replaceNetworksSection } = await import("./networks/report.mjs");
  const { startRun } = await import("./machine.mjs");
  const { header } = await import("./report.mjs");
  const log = (...a) => console.error("bench:", ...a);
  const run = startRun();
  const server = await startServer();
  const browser = await startBrowser();
  const watchdog = setTimeout(() => {
    log("networks: gave up after 15 min");
    process.exit(2);
  }, 15 * 60_000);
  try {
    const r = await networks(browser, server, {}, log);
    const text = networksMarkdown(r, `Measured alone (\`node bench/networks.mjs\`): ${header(run.finish(browser)).replace(/  \n/g, "; ")}`);
    console.log(text);
    replaceNetworksSection(text);
    log("networks section written to BENCHMARKS.md");
  } catch (error) {
    log(error?.stack ?? error);
    process.exitCode = 1;
  } finally {
    clearTimeout(watchdog);
    await browser.close().catch(() => {});
    await server.close().catch(() => {});
  }
}
