// Evidence, not a budget: where the main thread's time goes while a page of widgets
// loads. One warm load under the V8 sampling profiler (CDP Profiler, 100 µs), self time
// summed per function and per kind of work:
//   wasm      functions of salystyr_core_bg.wasm (names are stripped: wasm-function[i])
//   glue      wasm-bindgen's JS glue (salystyr_core.js), the loader (salystyr.js) and
//             the wasm<->JS call stubs
//   DOM       browser built-ins the glue calls (setAttribute, insertBefore, ...)
//   strings   TextDecoder/TextEncoder work of passing strings across the wasm boundary
//   GC        (garbage collector)
//   browser   (program): the browser's own work outside JS, i.e. style, layout, paint,
//             compilation and loading
// The profiler slows the page down, so these are shares, not timings.
import { newContext, load, withTimeout } from "./harness.mjs";

const KINDS = [
  ["GC", (cf) => cf.functionName === "(garbage collector)"],
  ["browser", (cf) => cf.functionName === "(program)"],
  ["idle", (cf) => cf.functionName === "(idle)" || cf.functionName === "(root)"],
  ["glue", (cf) => cf.functionName === "wasm-to-js" || cf.functionName === "js-to-wasm"],
  ["wasm", (cf) => cf.url.endsWith(".wasm") || cf.functionName.startsWith("wasm-function")],
  ["strings", (cf) => ["decode", "encode", "encodeInto"].includes(cf.functionName) && !cf.url],
  ["glue", (cf) => /\/dist\/salystyr(_core)?\.js$/.test(cf.url)],
  ["bench", (cf) => cf.functionName === "InjectedScript" || cf.url.includes("probe.js") || cf.url.startsWith("__")],
  ["DOM", (cf) => !cf.url],
];

export async function profile(browser, server, n) {
  const { context, page } = await newContext(browser);
  const cdp = await context.newCDPSession(page);
  try {
    const url = `${server.origin}/bench/page.html?n=${n}`;
    await withTimeout(load(page, url, { settle: 500 }), 60_000, "profile warm-up");
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
    await cdp.send("Profiler.start");
    const r = await withTimeout(load(page, url), 60_000, "profiled load");
    const { profile } = await cdp.send("Profiler.stop");

    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    const byFunction = new Map();
    const byKind = new Map();
    let total = 0;
    profile.samples.forEach((id, i) => {
      const ms = (profile.timeDeltas[i] ?? 0) / 1000;
      const cf = nodes.get(id).callFrame;
      const kind = KINDS.find(([, test]) => test(cf))?.[0] ?? "browser";
      if (kind === "idle") return;
      total += ms;
      byKind.set(kind, (byKind.get(kind) ?? 0) + ms);
      const name = `${cf.functionName || "(anonymous)"}${cf.url ? ` (${cf.url.replace(/.*\//, "")})` : ""}`;
      const entry = byFunction.get(name) ?? { name, kind, ms: 0 };
      entry.ms += ms;
      byFunction.set(name, entry);
    });
    return {
      n,
      painted: r.allPainted,
      busy: total,
      kinds: [...byKind].map(([kind, ms]) => ({ kind, ms })).sort((a, b) => b.ms - a.ms),
      top: [...byFunction.values()].filter((f) => f.kind !== "browser").sort((a, b) => b.ms - a.ms).slice(0, 12),
    };
  } finally {
    await cdp.detach().catch(() => {});
    await context.close();
  }
}
