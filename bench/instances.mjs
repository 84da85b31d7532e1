// Measure 5: 1, 10 and 50 instances on one page. Time until every element has rendered
// its section.salystyr (and a frame with them has been painted), warm cache, and the
// memory the page then holds.
//
// Memory, read over the Chrome DevTools Protocol after a forced garbage collection
// (HeapProfiler.collectGarbage):
//   JS heap   Performance.getMetrics -> JSHeapUsedSize of the page's V8 isolate.
//   wasm      the module's linear memory lives outside the JS heap, and the page cannot
//             reach it: the glue keeps the instance private and the product exposes no
//             handle. The heap can, though: Runtime.evaluate("WebAssembly.Memory.prototype")
//             gives the prototype's object id, Runtime.queryObjects lists every live
//             object with that prototype (the module's exported memory), and
//             Runtime.callFunctionOn over that list reads each `buffer.byteLength`: the
//             committed linear memory (it grows in 64 KiB pages and never shrinks). All
//             instances on a page share one module, hence one memory.
//   nodes     Performance.getMetrics -> Nodes (DOM nodes, shadow trees included).
// The baseline is the same page without the embed (n=0, no script tag).
import { newContext, load, withTimeout } from "./harness.mjs";
import { summary } from "./stats.mjs";

export const COUNTS = [1, 10, 50];

async function memory(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("HeapProfiler.enable");
    await cdp.send("HeapProfiler.collectGarbage");
    await cdp.send("Performance.enable");
    const { metrics } = await cdp.send("Performance.getMetrics");
    const metric = (name) => metrics.find((m) => m.name === name)?.value ?? NaN;

    const group = "salystyr-bench";
    const { result: proto } = await cdp.send("Runtime.evaluate", {
      expression: "WebAssembly.Memory.prototype",
      objectGroup: group,
    });
    const { objects } = await cdp.send("Runtime.queryObjects", { prototypeObjectId: proto.objectId, objectGroup: group });
    const { result } = await cdp.send("Runtime.callFunctionOn", {
      objectId: objects.objectId,
      functionDeclaration: "function () { return this.map((m) => m.buffer.byteLength); }",
      returnByValue: true,
    });
    await cdp.send("Runtime.releaseObjectGroup", { objectGroup: group });
    const wasm = result.value ?? [];
    return {
      jsHeap: metric("JSHeapUsedSize"),
      wasmMemories: wasm.length,
      wasm: wasm.reduce((a, b) => a + b, 0),
      nodes: metric("Nodes"),
    };
  } finally {
    await cdp.detach().catch(() => {});
  }
}

export async function baseline(browser, server) {
  const { context, page } = await newContext(browser);
  try {
    await page.goto(`${server.origin}/bench/page.html?n=0&script=0`);
    return await withTimeout(memory(page), 20_000, "baseline memory");
  } finally {
    await context.close();
  }
}

/** For each count: one warm-up load, then `loads` measured loads in the same context. */
export async function instances(browser, server, loads) {
  const out = [];
  for (const n of COUNTS) {
    const { context, page, errors } = await newContext(browser);
    try {
      const url = `${server.origin}/bench/page.html?n=${n}`;
      await withTimeout(load(page, url, { settle: 300 }), 60_000, `warm-up load, ${n} instances`);
      const runs = [];
      for (let i = 0; i < loads; i++) {
        const r = await withTimeout(load(page, url), 60_000, `load ${i + 1}, ${n} instances`);
        runs.push({
          rendered: r.allRendered,
          painted: r.allPainted,
          afterDcl: r.allPainted - r.dcl,
          longtasks: r.longtasks.filter((t) => t.start < r.allPainted),
          loafs: r.loafs.filter((f) => f.start < r.allPainted),
        });
      }
      // Memory once the animation of the widgets in view has run its course.
      await page.waitForTimeout(1_500);
      const mem = await withTimeout(memory(page), 20_000, `memory, ${n} instances`);
      const sections = await page.evaluate(
        () =>
          [...document.querySelectorAll("salystyr-infographic")].filter((e) => e.shadowRoot?.querySelector("section.salystyr"))
            .length,
      );
      if (sections !== n) throw new Error(`${n} instances: only ${sections} rendered`);
      if (errors.length) throw new Error(`page errors: ${errors.join("; ")}`);
      out.push({
        n,
        runs,
        rendered: summary(runs.map((r) => r.rendered)),
        painted: summary(runs.map((r) => r.painted)),
        afterDcl: summary(runs.map((r) => r.afterDcl)),
        longestTask: Math.max(0, ...runs.flatMap((r) => r.longtasks.map((t) => t.duration))),
        longtasksPerLoad: summary(runs.map((r) => r.longtasks.length)),
        loafs: runs.flatMap((r) => r.loafs),
        memory: mem,
      });
    } finally {
      await context.close();
    }
  }
  return out;
}
