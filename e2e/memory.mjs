// What a page holds, measured through the DevTools protocol after a forced garbage
// collection: DOM nodes and JS event listeners (Memory.getDOMCounters), the wasm's
// linear memory and externref table (found with Runtime.queryObjects, so the embed
// exposes nothing for it), and the JS heap. Used by e2e/memory.test.mjs. Run directly, it
// prints the counters after 0, 100, 200 and 300 of each: elements created, rendered and
// removed; `lang`/`categories` changes on one element; `src` changes while the previous
// request is in flight:
//   node e2e/memory.mjs [elements|attributes|src] [steps...]
import { serve } from "../scripts/serve.mjs";
import { launch } from "./browser.mjs";

/**
 * Serves the repository, plus `/slow/*`: requests that are never answered. `slow`
 * counts those that arrived and those whose connection the browser closed.
 */
export async function server() {
  const slow = { arrived: 0, closed: 0 };
  const http = await serve({
    root: new URL("..", import.meta.url).pathname,
    handler(url, req, res) {
      if (!url.pathname.startsWith("/slow/")) return false;
      slow.arrived++;
      res.on("close", () => slow.closed++);
      return true;
    },
  });
  return { http, slow, origin: `http://127.0.0.1:${http.address().port}` };
}

/** A page's counters; `cdp` is the page's CDP session. */
export async function counters(cdp) {
  // Twice: a first collection can leave finalizers (wasm-bindgen's) whose work frees more.
  for (let i = 0; i < 2; i++) await cdp.send("HeapProfiler.collectGarbage");
  const { nodes, jsEventListeners } = await cdp.send("Memory.getDOMCounters");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  return { nodes, listeners: jsEventListeners, ...(await wasm(cdp)), heap: usedSize };
}

/** The byte length of every WebAssembly.Memory and the length of every WebAssembly.Table. */
async function wasm(cdp) {
  const total = async (proto, fn) => {
    const { result } = await cdp.send("Runtime.evaluate", { expression: proto });
    const { objects } = await cdp.send("Runtime.queryObjects", { prototypeObjectId: result.objectId });
    const { result: sum } = await cdp.send("Runtime.callFunctionOn", {
      objectId: objects.objectId,
      functionDeclaration: `function () { return this.reduce((s, x) => s + ${fn}, 0); }`,
      returnByValue: true,
    });
    await cdp.send("Runtime.releaseObject", { objectId: objects.objectId });
    await cdp.send("Runtime.releaseObject", { objectId: result.objectId });
    return sum.value;
  };
  return {
    wasm: await total("WebAssembly.Memory.prototype", "x.buffer.byteLength"),
    externrefs: await total("WebAssembly.Table.prototype", "x.length"),
  };
}

/**
 * `n` cycles in the page: create an element (languages and categories varying), wait
 * until its figures are rendered, remove it. Resolves once the last removal has settled.
 */
export function cycles(page, n) {
  return page.evaluate(
    async (n) => {
      const langs = ["kk", "ru", "en"];
      for (let i = 0; i < n; i++) {
        const el = document.createElement("salystyr-infographic");
        el.setAttribute("lang", langs[i % 3]);
        if (i % 2) el.setAttribute("categories", "women,children");
        document.body.append(el);
        while (!el.shadowRoot?.querySelector("article.card")) await new Promise((r) => setTimeout(r, 1));
        el.remove();
      }
      // Let Yew's scheduler, a task and two animation frames run out.
      await new Promise((r) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(r)), 20));
    },
    n,
  );
}

/**
 * `n` changes of `lang` and `categories`, in turn, on the page's one element, each waited
 * for until it shows.
 */
export function attributes(page, n) {
  return page.evaluate(
    async (n) => {
      const el = document.querySelector("salystyr-infographic");
      const root = el.shadowRoot;
      const until = async (ok) => {
        while (!ok()) await new Promise((r) => setTimeout(r, 1));
      };
      const langs = ["ru", "en", "kk"];
      const picks = [["women", "children"], ["online"], ["law", "domestic-violence"], ["children"]];
      for (let i = 0; i < n; i++) {
        if (i % 2 === 0) {
          const lang = langs[(i / 2) % 3];
          el.setAttribute("lang", lang);
          await until(() => root.querySelector("section.salystyr")?.lang === lang);
        } else {
          const pick = picks[((i - 1) / 2) % picks.length];
          el.setAttribute("categories", pick.join(","));
          const shown = () =>
            [...root.querySelectorAll("section.group:not([hidden])")].map((s) => s.dataset.category).sort();
          await until(() => shown().join() === [...pick].sort().join());
        }
      }
      await new Promise((r) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(r)), 20));
    },
    n,
  );
}

/**
 * `n` changes of the page's one element's `src` to `/slow/…` addresses (never
 * answered), each made once the previous request has been sent; then `src` names the
 * real dataset, which is waited for. Resolves to the error of each request that a
 * later change should have cancelled, or "still pending" for one that was not cancelled
 * within `within` ms of that change (the embed's own timeout is 10 s); the changes stop
 * at the first one still pending.
 */
export async function sources(page, n, { from = 0, within = 3000 } = {}) {
  const errors = [];
  let previous = null;
  const change = async (url) => {
    const sent = page.waitForRequest((r) => r.url().endsWith(url));
    const failed = previous && page.waitForEvent("requestfailed", { predicate: (r) => r === previous, timeout: within });
    await page.evaluate((url) => document.querySelector("salystyr-infographic").setAttribute("src", url), url);
    if (failed) errors.push(await failed.then((r) => r.failure()?.errorText, () => "still pending"));
    previous = await sent;
  };
  for (let i = from; i < from + n && errors.at(-1) !== "still pending"; i++) await change(`/slow/${i}.json`);
  await change("/data/seed.json");
  await page.evaluate(async () => {
    const el = document.querySelector("salystyr-infographic");
    while (!el.shadowRoot.querySelector("[data-figure=women-murder]")) await new Promise((r) => setTimeout(r, 1));
    await new Promise((r) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(r)), 20));
  });
  return errors;
}

/** An empty host page that loads the embed (`elements` of them in its body). */
export async function blank(browser, origin, elements = 0) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => ["error", "warning"].includes(m.type()) && problems.push(m.text()));
  page.on("pageerror", (e) => problems.push(e.message));
  await page.goto(`${origin}/e2e/blank.html`);
  await page.waitForFunction(() => customElements.get("salystyr-infographic"));
  await page.evaluate((k) => {
    for (let i = 0; i < k; i++) document.body.append(document.createElement("salystyr-infographic"));
  }, elements);
  if (elements) await page.locator("salystyr-infographic article.card").first().waitFor();
  const cdp = await context.newCDPSession(page);
  return { page, cdp, context, problems };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const only = /^\d/.test(args[0] ?? "0") ? null : args.shift();
  const steps = args.map(Number);
  const { http, slow, origin } = await server();
  const browser = await launch();
  const cells = (xs) => xs.map((s) => String(s).padStart(10)).join(" ");
  const row = (n, c) =>
    console.log(
      cells([n, c.nodes, c.listeners, (c.wasm / 2 ** 20).toFixed(2), c.externrefs, (c.heap / 2 ** 20).toFixed(2)]),
    );
  const run = async (name, title, elements, step) => {
    if (only && only !== name) return;
    console.log(`\n${title}\n${cells(["n", "nodes", "listeners", "wasm MiB", "externrefs", "JS heap MiB"])}`);
    const { page, cdp, context, problems } = await blank(browser, origin, elements);
    row(0, await counters(cdp));
    let done = 0;
    for (const n of steps.length ? steps : [100, 200, 300]) {
      const t = Date.now();
      await step(page, n - done, done);
      const ms = Date.now() - t;
      done = n;
      row(n, await counters(cdp));
      console.error(`${" ".repeat(60)}(${ms} ms)`);
    }
    if (problems.length) console.log(problems);
    await context.close();
  };
  try {
    await run("elements", "elements created, rendered, removed", 0, cycles);
    await run("attributes", "lang/categories changes on one element", 1, attributes);
    let errors = [];
    await run("src", "src changes while the previous request is in flight", 1, async (page, n, from) => {
      errors = errors.concat(await sources(page, n, { from }));
    });
    if (!only || only === "src") {
      const tally = {};
      for (const e of errors) tally[e] = (tally[e] ?? 0) + 1;
      console.log(`the previous request, 3 s after each src change:`, tally);
      console.log(`requests to /slow/: ${slow.arrived} arrived at the server, ${slow.closed} closed by the browser`);
    }
  } finally {
    await browser.close();
    http.closeAllConnections();
    http.close();
  }
}
