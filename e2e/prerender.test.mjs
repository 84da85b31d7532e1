// Instant figures: the prerendered snippet (`salystyr embed`: a declarative shadow root)
// and the two-line snippet (the built-in dataset's prerender fetched beside the wasm)
// paint the widget before any wasm, and the live widget takes over in one frame: no
// blank frame, no layout shift, no counter restarting under the reader's eyes. Also with
// every script blocked, with WebAssembly blocked, when a CMS inserts the snippet with
// innerHTML, and under the strict CSP the README documents for it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { site, salystyrCommand } from "./browser.mjs";

const env = site({ before, after });
const seed = new URL("../data/seed.json", import.meta.url).pathname;
let snippet = {}; // language -> the snippet
let hash = ""; // the CSP source of its inline style
before(() => {
  const bin = salystyrCommand();
  for (const lang of ["kk", "en"]) {
    snippet[lang] = execFileSync(bin, ["embed", seed, "--lang", lang, "--base", "/dist"], { encoding: "utf8" });
  }
  const { stderr } = spawnSync(bin, ["embed", seed, "--lang", "kk", "--base", "/dist"], { encoding: "utf8" });
  hash = /style-src ('sha256-[^']+')/.exec(stderr)?.[1] ?? "";
});

const page = (body, lang = "kk") =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"></head>` +
  `<body><h1>An article</h1>${body}<p id="after">The article goes on.</p></body></html>`;

/** A browser page for `html` (served at /article.html); `setup` routes requests first. */
async function open(html, { csp, setup, width = 1000, javaScriptEnabled = true } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled });
  const p = await context.newPage();
  const log = { console: [], errors: [] };
  p.on("console", (m) => log.console.push(`${m.type()}: ${m.text()}`));
  p.on("pageerror", (e) => log.errors.push(e.message));
  await setup?.(p);
  await p.route(`${env.origin}/article.html`, (r) =>
    r.fulfill({ contentType: "text/html", headers: csp ? { "content-security-policy": csp } : {}, body: html }),
  );
  if (javaScriptEnabled) {
    await p.addInitScript(() => {
      // Every frame from the first: whether the widget showed figures, and the murders'
      // number; and the layout shifts.
      window.__frames = [];
      window.__shifts = [];
      window.__violations = [];
      document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      new PerformanceObserver((list) =>
        window.__shifts.push(...list.getEntries().map((e) => ({ value: e.value, t: e.startTime }))),
      ).observe({
        type: "layout-shift",
        buffered: true,
      });
      const frame = () => {
        const root = document.querySelector("salystyr-infographic")?.shadowRoot;
        const figure = root?.querySelector("[data-figure=women-murder]");
        window.__frames.push({
          t: performance.now(),
          figures: !!figure && figure.getClientRects().length > 0,
          murder: figure?.querySelector(".num")?.textContent ?? null,
          live: !!root?.querySelector(".controls:not([inert])"),
        });
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
  }
  await p.goto(`${env.origin}/article.html`);
  return { page: p, log, context };
}

const widget = (p) => p.locator("salystyr-infographic");
const live = (p) => widget(p).locator(".controls:not([inert])").waitFor({ timeout: 15000 });
/**
 * What a reader sees, as a picture of the viewport (an element screenshot of a widget
 * taller than the viewport would lay the page out again, itself a shift), and where
 * every element of the widget is, all of it.
 */
const picture = (p) => p.screenshot({ animations: "disabled" });
const boxes = (p) =>
  widget(p).evaluate((host) =>
    [...host.shadowRoot.querySelectorAll(".frame, .frame *")].map((e) => {
      const r = e.getBoundingClientRect();
      return `${e.localName} ${Math.round(r.x)},${Math.round(r.y + scrollY)} ${Math.round(r.width)}x${Math.round(r.height)}`;
    }),
  );
/**
 * How many pixels of two pictures of the widget differ. Text may be shaped a hair
 * differently where the live widget has several text nodes and the prerender one.
 */
const differing = (p, a, b) =>
  p.evaluate(
    async ([a, b]) => {
      const load = async (base64) => {
        const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
        const c = new OffscreenCanvas(bitmap.width, bitmap.height);
        c.getContext("2d").drawImage(bitmap, 0, 0);
        return c.getContext("2d").getImageData(0, 0, bitmap.width, bitmap.height);
      };
      const [x, y] = await Promise.all([load(a), load(b)]);
      if (x.width !== y.width || x.height !== y.height) return { size: false, share: 1 };
      let n = 0;
      for (let i = 0; i < x.data.length; i += 4) {
        if (Math.abs(x.data[i] - y.data[i]) + Math.abs(x.data[i + 1] - y.data[i + 1]) + Math.abs(x.data[i + 2] - y.data[i + 2]) > 48) n++;
      }
      return { size: true, share: n / (x.width * x.height) };
    },
    [a.toString("base64"), b.toString("base64")],
  );
/** A route setup that holds the wasm back until `release()` is called. */
function holdWasm() {
  let release;
  const held = new Promise((r) => (release = r));
  const setup = (p) =>
    p.route("**/salystyr_core_bg.wasm", async (r) => {
      await held;
      await r.continue();
    });
  return { setup, release };
}

/**
 * Releases the wasm and waits for the live widget: the same picture and every element in
 * the same place as `before` and `placed`, taken while it was held back.
 */
async function goLive(p, release, before, placed) {
  release();
  await live(p);
  // Some frames more, then the same picture and every element in the same place: the
  // live widget looks exactly like its prerender did.
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 200)))));
  await same(p, before, await picture(p));
  assert.deepEqual(await boxes(p), placed);
  return p.evaluate(() => ({ frames: window.__frames, shifts: window.__shifts }));
}

const same = async (p, a, b) => {
  const d = await differing(p, a, b);
  assert.ok(d.size && d.share < 0.001, `the widget looks different once live: ${JSON.stringify(d)}`);
};

test("the prerendered snippet shows the whole widget with no script at all, and with every script blocked", async () => {
  for (const how of ["JavaScript off", "scripts blocked"]) {
    const setup = (p) => p.route(/\.(js|wasm)$/, (r) => r.abort());
    const { page: p, context } = await open(page(snippet.en, "en"), how === "JavaScript off" ? { javaScriptEnabled: false } : { setup });
    const w = widget(p);
    assert.equal(await w.locator("article.card").count(), 16, how);
    assert.equal(await w.locator("[data-figure=women-murder] .num").textContent(), "-49.3%", how);
    assert.equal(await w.locator("[data-figure=dv-response] .num").first().textContent(), "nearly 100,000", how);
    // Drawn, styled: the bars have their lengths, the title its weight.
    const look = await w.evaluate((host) => {
      const r = host.shadowRoot;
      const rects = [...r.querySelectorAll("[data-figure=dv-response] .fill rect")].map((e) => e.getBoundingClientRect().width);
      return { weight: getComputedStyle(r.querySelector("h2")).fontWeight, rects };
    });
    assert.equal(look.weight, "700", how);
    assert.ok(Math.abs(look.rects[1] / look.rects[0] - 0.72) < 0.01 && Math.abs(look.rects[2] / look.rects[0] - 0.16) < 0.01, `${how}: ${look.rects}`);
    // The controls are shown where the live widget has them, but inert.
    assert.equal(await w.locator(".controls[inert]").count(), 1, how);
    assert.equal(await w.locator(".actions[inert]").count(), 1, how);
    await context.close();
  }
});

test("the prerendered snippet: the live widget takes over without a blank frame, a shift or a restarted counter", async () => {
  const { setup, release } = holdWasm();
  const { page: p, log, context } = await open(page(snippet.kk), { setup });
  await widget(p).locator("[data-figure=women-murder]").waitFor();
  await p.waitForTimeout(300);
  const { frames, shifts } = await goLive(p, release, await picture(p), await boxes(p));
  const first = frames.findIndex((f) => f.figures);
  assert.ok(first >= 0, "figures painted");
  const gaps = frames.slice(first).filter((f) => !f.figures).length;
  assert.equal(gaps, 0, `${gaps} frames without figures after the first`);
  assert.ok(frames.some((f) => f.live), "the live widget took over");
  // The number never went back to 0: nothing restarted.
  const murders = [...new Set(frames.slice(first).map((f) => f.murder))];
  assert.deepEqual(murders, ["-49,3%"]);
  assert.deepEqual(shifts, [], "layout shifts");
  assert.deepEqual(log.errors, []);
  // And it is live: a language button works.
  await widget(p).getByRole("button", { name: "English" }).click();
  await widget(p).locator("section.salystyr[lang=en]").waitFor();
  await context.close();
});

test("the two-line snippet paints the built-in prerender before the wasm, and takes over without a shift", async () => {
  const { setup, release } = holdWasm();
  const body = `<script type="module" src="/dist/salystyr.js"></script><salystyr-infographic lang="ru" categories="women,online"></salystyr-infographic>`;
  const { page: p, log, context } = await open(page(body, "ru"), { setup });
  const w = widget(p);
  await w.locator("[data-figure=women-murder]").waitFor();
  // The prerender, as the categories attribute asks, with inert controls.
  assert.equal(await w.locator("[data-figure=women-murder] .num").textContent(), "-49,3\u00a0%");
  assert.deepEqual(
    await w.locator("section.group").evaluateAll((gs) => gs.filter((g) => !g.hidden).map((g) => g.dataset.category)),
    ["women", "online"],
  );
  assert.equal(await w.locator(".controls[inert]").count(), 1);
  await p.waitForTimeout(200);
  const { frames, shifts } = await goLive(p, release, await picture(p), await boxes(p));
  const first = frames.findIndex((f) => f.figures);
  assert.equal(frames.slice(first).filter((f) => !f.figures).length, 0, "frames without figures");
  // Before the script has run, the page cannot know the widget's height (the element
  // takes --salystyr-reserve once defined, then the prerender's): those shifts are the
  // host's to avoid. The live widget taking over the prerender moves nothing.
  const swap = frames.find((f) => f.live).t;
  assert.deepEqual(shifts.filter((s) => s.t >= swap - 50), [], "layout shifts as the live widget takes over");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("a prerendered snippet that a CMS inserts with innerHTML shows, and goes live", async () => {
  const { page: p, log, context } = await open(page(`<div id="slot"></div><script type="module" src="/dist/salystyr.js"></script>`, "en"));
  // innerHTML leaves a declarative shadow root as an inert <template>.
  await p.evaluate((html) => {
    document.querySelector("#slot").innerHTML = html.replace(/<script[^>]*><\/script>/, "");
  }, snippet.en);
  const w = widget(p);
  await w.locator("[data-figure=women-murder]").waitFor();
  assert.equal(await p.locator("salystyr-infographic > template").count(), 0);
  await live(p);
  assert.equal(await w.locator("article.card").count(), 16);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("the prerendered snippet under the strict CSP the README documents for it: no violation, styled, live", async () => {
  assert.match(hash, /^'sha256-[A-Za-z0-9+/]+=*'$/);
  const csp = `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' ${hash}; connect-src 'self'`;
  const { page: p, log, context } = await open(page(snippet.kk), { csp });
  await live(p);
  const weight = await widget(p).locator("h2").evaluate((h) => getComputedStyle(h).fontWeight);
  assert.equal(weight, "700");
  assert.deepEqual(await p.evaluate(() => window.__violations), []);
  assert.deepEqual(log.errors, []);
  // Without the hash, the inline style is refused (the test would see it).
  const { page: q, context: c2 } = await open(page(snippet.kk), { csp: csp.replace(hash, "") });
  await q.waitForFunction(() => window.__violations.some((v) => v.startsWith("style-src")), null, { timeout: 5000 });
  await c2.close();
  await context.close();
});

test("the prerendered snippet where the CSP blocks WebAssembly: the figures stay, controls inert, the console says why", async () => {
  const csp = `default-src 'self'; script-src 'self'; style-src 'self' ${hash}; connect-src 'self'`;
  const { page: p, log, context } = await open(page(snippet.en, "en"), { csp });
  await p.waitForFunction(
    () => performance.getEntriesByType("resource").some((e) => e.name.endsWith(".wasm")),
    null,
    { timeout: 5000 },
  );
  await p.waitForTimeout(500);
  const w = widget(p);
  assert.equal(await w.locator("article.card").count(), 16);
  assert.equal(await w.locator(".controls[inert]").count(), 1);
  assert.ok(log.console.some((m) => m.startsWith("error") && m.includes("'wasm-unsafe-eval'")), log.console.join("\n"));
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("a prerender below the fold goes live unplayed and animates when it comes into view", async () => {
  const body = `<div style="height:1800px"></div>${snippet.en}`;
  const { page: p, context } = await open(page(body, "en"));
  await live(p);
  const w = widget(p);
  // Not seen yet: the live widget waits at the start.
  assert.equal(await w.locator("section.is-played").count(), 0);
  await w.scrollIntoViewIfNeeded();
  await w.locator("[data-figure=women-murder] .num", { hasText: "-49.3%" }).waitFor({ timeout: 5000 });
  assert.equal(await w.locator("section.is-played").count(), 1);
  await context.close();
});
