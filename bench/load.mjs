// Measure 2 (and the load half of 4): time from navigation start, and from
// DOMContentLoaded, to the first figure painted, with a cold and a warm cache, and the
// long tasks of each load.
import { newContext, load, withTimeout } from "./harness.mjs";
import { summary } from "./stats.mjs";

const WASM = "/dist/salystyr_core_bg.wasm";

/** One load's numbers. Long tasks count when they start before the first figure is painted. */
function record(r) {
  const during = r.longtasks.filter((t) => t.start < r.firstPaint);
  return {
    firstPaint: r.firstPaint,
    afterDcl: r.firstPaint - r.dcl,
    inDom: r.firstCard,
    dcl: r.dcl,
    fcp: r.fcp,
    longtasks: during,
    loafs: r.loafs.filter((f) => f.start < r.firstPaint),
  };
}

function summarize(runs, wasmRequests) {
  return {
    runs,
    fromNav: summary(runs.map((r) => r.firstPaint)),
    afterDcl: summary(runs.map((r) => r.afterDcl)),
    inDom: summary(runs.map((r) => r.inDom)),
    dcl: summary(runs.map((r) => r.dcl)),
    // The first-contentful-paint entry (presentation time) against the probe, per load.
    fcpDelta: summary(runs.filter((r) => r.fcp !== null).map((r) => r.fcp - r.firstPaint)),
    longtasks: runs.flatMap((r) => r.longtasks),
    loadsWithLongTask: runs.filter((r) => r.longtasks.length > 0).length,
    loafs: runs.flatMap((r) => r.loafs),
    wasmRequests,
  };
}

/** Cold: a new browser context (empty HTTP cache) for every load. */
export async function coldLoads(browser, server, count) {
  const url = `${server.origin}/bench/page.html`;
  const before = server.count(WASM);
  const runs = [];
  for (let i = 0; i < count; i++) {
    const { context, errors } = await newContext(browser);
    try {
      const page = context.pages()[0];
      runs.push(record(await withTimeout(load(page, url), 30_000, `cold load ${i + 1}`)));
      if (errors.length) throw new Error(`page errors: ${errors.join("; ")}`);
    } finally {
      await context.close();
    }
  }
  return summarize(runs, server.count(WASM) - before);
}

/**
 * Warm: one context; the page is loaded `warmup` times first (filling the HTTP cache and
 * V8's code cache for the wasm), then navigated to again `count` times. The dist/ files
 * are cacheable (max-age), so these loads make no request for them: `wasmRequests`
 * shows it.
 */
export async function warmLoads(browser, server, count, warmup = 2) {
  const url = `${server.origin}/bench/page.html`;
  const { context, page, errors } = await newContext(browser);
  try {
    for (let i = 0; i < warmup; i++) await withTimeout(load(page, url, { settle: 300 }), 30_000, "warm-up load");
    const before = server.count(WASM);
    const runs = [];
    for (let i = 0; i < count; i++) {
      runs.push(record(await withTimeout(load(page, url), 30_000, `warm load ${i + 1}`)));
    }
    if (errors.length) throw new Error(`page errors: ${errors.join("; ")}`);
    return summarize(runs, server.count(WASM) - before);
  } finally {
    await context.close();
  }
}
