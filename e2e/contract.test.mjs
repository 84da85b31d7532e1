// The embed contract on third-party pages: the bundle served from a second loopback
// origin, the host page from the first; with and without a strict CSP, with hostile CSS,
// many instances, two script tags, data from elsewhere, and a page that blocks wasm.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { serve } from "../scripts/serve.mjs";
import { launch } from "./browser.mjs";
import { counters, cycles } from "./memory.mjs";

const repo = new URL("..", import.meta.url).pathname;
const dist = (f) => readFileSync(new URL(`../dist/${f}`, import.meta.url));
const pages = new Map();
let hostServer, bundleServer, browser, HOST, BUNDLE;

const custom = {
  format: "salystyr/1",
  id: "budget-2025",
  title: { kk: "Бюджет <script>alert(1)</script>", ru: "Бюджет", en: "Budget <img src=x onerror=alert(1)>" },
  source: { text: { kk: "Қаржы министрлігі", ru: "Минфин", en: "Ministry of Finance" }, url: "https://example.org/budget" },
  categories: [{ id: "economy", label: { kk: "Экономика", ru: "Экономика", en: "Economy" } }],
  figures: [
    {
      id: "schools-built",
      category: "economy",
      kind: "count",
      value: 1234,
      qualifier: "about",
      label: { kk: "мектеп салынды", ru: "школ построено", en: "schools built <b>now</b>" },
    },
  ],
};

before(async () => {
  hostServer = await serve({
    root: repo,
    handler(url, req, res) {
      if (url.pathname === "/favicon.ico") {
        res.writeHead(204).end();
        return true;
      }
      if (url.pathname === "/articles/figures.json") {
        // A dataset next to the article, named by a src relative to the page.
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(custom));
        return true;
      }
      const page = pages.get(url.pathname);
      if (!page) return false;
      const headers = { "content-type": "text/html; charset=utf-8" };
      if (page.csp) headers["content-security-policy"] = page.csp;
      res.writeHead(200, headers).end(page.html);
      return true;
    },
  });
  bundleServer = await serve({
    root: repo,
    handler(url, req, res) {
      const types = { ".js": "text/javascript", ".wasm": "application/wasm", ".json": "application/json" };
      const cors = { "access-control-allow-origin": "*" };
      if (url.pathname.startsWith("/copy/")) {
        // A second copy of the bundle under another path.
        const file = url.pathname.slice("/copy/".length);
        res.writeHead(200, { ...cors, "content-type": types[file.slice(file.lastIndexOf("."))] });
        res.end(dist(file));
        return true;
      }
      if (url.pathname === "/data/custom.json") {
        res.writeHead(200, { ...cors, "content-type": "application/json" }).end(JSON.stringify(custom));
        return true;
      }
      if (url.pathname === "/data/broken.json") {
        const broken = { ...custom, figures: [{ ...custom.figures[0], value: "many", category: "sport" }] };
        res.writeHead(200, { ...cors, "content-type": "application/json" }).end(JSON.stringify(broken));
        return true;
      }
      if (url.pathname === "/data/slow.json") return true; // never answers
      if (url.pathname === "/data/page.html") {
        // A 200 whose body is not JSON (a CMS's error page).
        res.writeHead(200, { ...cors, "content-type": "text/html" }).end("<!doctype html><h1>Moved</h1>");
        return true;
      }
      if (url.pathname === "/data/reset.json") {
        req.socket.destroy(); // no answer at all: a network error
        return true;
      }
      if (url.pathname.startsWith("/octet/")) {
        // The bundle from a server that sends no application/wasm for the .wasm.
        const file = url.pathname.slice("/octet/".length);
        const type = { ".js": "text/javascript", ".json": "application/json" }[file.slice(file.lastIndexOf("."))];
        res.writeHead(200, { ...cors, "content-type": type ?? "application/octet-stream" }).end(dist(file));
        return true;
      }
      return false;
    },
  });
  HOST = `http://127.0.0.1:${hostServer.address().port}`;
  BUNDLE = `http://localhost:${bundleServer.address().port}`;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  hostServer?.close();
  bundleServer?.closeAllConnections?.();
  bundleServer?.close();
});

const STRICT = (b) =>
  `default-src 'self'; script-src 'self' ${b} 'wasm-unsafe-eval'; style-src 'self' ${b}; connect-src 'self' ${b}`;

let n = 0;
/**
 * Serves `body` as a host page (with `head` and an optional CSP) at `dir`/page-N.html;
 * opens it, after `setup(page)` (routes) when given.
 */
async function open(body, { csp, head = "", viewport = { width: 1000, height: 900 }, options = {}, dir = "", setup } = {}) {
  const path = `${dir}/page-${++n}.html`;
  pages.set(path, {
    csp,
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`,
  });
  const context = await browser.newContext({ viewport, ...options });
  const page = await context.newPage();
  await setup?.(page);
  const log = { console: [], errors: [], requests: [], violations: [] };
  page.on("console", (m) => log.console.push(`${m.type()}: ${m.text()}`));
  page.on("pageerror", (e) => log.errors.push(e.message));
  page.on("request", (r) => log.requests.push(r.url()));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(HOST + path);
  return { page, log, context };
}

const script = (src = `${BUNDLE}/dist/salystyr.js`) => `<script type="module" src="${src}"></script>`;
const widget = (attrs = "", inner = "") => `<salystyr-infographic ${attrs}>${inner}</salystyr-infographic>`;
/** Polls `ok()` in Node until it holds; fails after `ms` with `why()`. */
async function until(ok, ms, why = () => "timed out") {
  for (const end = Date.now() + ms; !(await ok()); ) {
    if (Date.now() > end) assert.fail(why());
    await new Promise((r) => setTimeout(r, 25));
  }
}
/** Waits for `count` animation frames of the page. */
const frames = (page, count) =>
  page.evaluate(
    (count) => new Promise((done) => { const go = (i) => (i ? requestAnimationFrame(() => go(i - 1)) : done()); go(count); }),
    count,
  );
const rendered = (page, count = 1) =>
  page.waitForFunction(
    (count) =>
      [...document.querySelectorAll("salystyr-infographic")].filter((e) =>
        // The live widget: a prerender's controls are inert.
        e.shadowRoot?.querySelector("section.salystyr .controls:not([inert])"),
      ).length >= count,
    count,
  );

test("cross-origin bundle under a strict CSP renders with no violation and no console noise", async () => {
  const { page, log, context } = await open(script() + widget('lang="ru"'), { csp: STRICT(BUNDLE) });
  await rendered(page);
  const el = page.locator("salystyr-infographic");
  assert.equal(await el.locator("article.card").count(), 16);
  assert.equal(await el.locator("section.salystyr").getAttribute("lang"), "ru");
  // Styles applied through adoptedStyleSheets despite style-src without 'unsafe-inline'.
  const weight = await el.locator("h2.title").evaluate((h) => getComputedStyle(h).fontWeight);
  assert.equal(weight, "700");
  // The image downloads work without img-src: the PNG is painted, not loaded.
  for (const button of ["download-png", "download-svg", "download"]) {
    const [download] = await Promise.all([page.waitForEvent("download"), el.locator(`button.${button}`).click()]);
    assert.ok((await download.failure()) === null && (await download.path()), button);
  }
  await page.waitForTimeout(300);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(log.console, []);
  assert.deepEqual(log.errors, []);
  // Only its own files, from the bundle's origin.
  const foreign = log.requests.filter((u) => !u.startsWith(HOST) && !u.startsWith(`${BUNDLE}/dist/`));
  assert.deepEqual(foreign, []);
  await context.close();
});

test("where the CSP blocks WebAssembly the whole widget shows in its final state, controls inert, and the console names the directive", async () => {
  const csp = `default-src 'self'; script-src 'self' ${BUNDLE}; style-src 'self' ${BUNDLE}; connect-src 'self' ${BUNDLE}`;
  const body = script() + widget('id="builtin" lang="en"') + widget(`id="own" lang="en" src="${BUNDLE}/data/custom.json"`);
  const { page, log, context } = await open(body, { csp });
  const builtin = page.locator("#builtin");
  await builtin.locator("[data-figure=women-murder]").waitFor();
  // The built-in figures, drawn (not a text list): every card, final values, bars.
  assert.equal(await builtin.locator("article.card").count(), 16);
  assert.equal(await builtin.locator("[data-figure=women-murder] .num").textContent(), "-49.3%");
  assert.ok((await builtin.locator(".fill rect").count()) >= 15);
  assert.match(
    await builtin.locator("[data-figure=women-murder] .sr-only").textContent(),
    /^Of which, murders: down 49\.3% over the past five years\.$/,
  );
  // The controls are where they would be, but inert: nothing to press or tab to.
  const reach = await builtin.evaluate((host) => {
    const buttons = [...host.shadowRoot.querySelectorAll("button")];
    return {
      buttons: buttons.length,
      inert: buttons.filter((b) => b.closest("[inert]")).length,
      focusable: buttons.filter((b) => (b.focus(), host.shadowRoot.activeElement === b)).length,
    };
  });
  assert.deepEqual(reach, { buttons: 14, inert: 14, focusable: 0 });
  // A dataset of its own cannot be shown without the wasm: the reader is told why.
  await page.locator("#own section p").waitFor();
  assert.match(await page.locator("#own section").textContent(), /This infographic needs WebAssembly/);
  assert.ok(log.console.some((m) => m.startsWith("error") && m.includes("'wasm-unsafe-eval'")), log.console.join("\n"));
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("an editor's own fallback content stays visible where WebAssembly is blocked", async () => {
  const csp = `default-src 'self'; script-src 'self' ${BUNDLE}; style-src 'self' ${BUNDLE}; connect-src 'self' ${BUNDLE}`;
  const { page, log, context } = await open(script() + widget('lang="en"', "<p id=own>Static figures</p>"), { csp });
  // The loader ran and met the blocked WebAssembly: the console names the directive.
  await until(() => log.console.some((m) => m.startsWith("error") && m.includes("'wasm-unsafe-eval'")), 10000, () =>
    `no console error naming 'wasm-unsafe-eval':\n${log.console.join("\n")}`,
  );
  await frames(page, 2);
  // It left the editor's content in view, through the slot of its open shadow root, and
  // put nothing of its own in its place (its text fallback is not even fetched).
  const state = await page.locator("salystyr-infographic").evaluate((host) => ({
    shadow: !!host.shadowRoot,
    slotted: [...(host.shadowRoot?.querySelector("slot")?.assignedElements() ?? [])].map((e) => e.id),
    own: host.shadowRoot ? [...host.shadowRoot.querySelectorAll("*")].map((e) => e.localName) : [],
  }));
  assert.deepEqual(state, { shadow: true, slotted: ["own"], own: ["slot"] });
  await page.getByText("Static figures").waitFor({ state: "visible", timeout: 1000 });
  const box = await page.getByText("Static figures").boundingBox();
  assert.ok(box && box.height > 0 && box.width > 0, JSON.stringify(box));
  assert.deepEqual(log.requests.filter((u) => u.endsWith("salystyr-fallback.json")), []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("hostile host CSS neither breaks it nor is broken by it", async () => {
  const hostile = `<style>
    html { font-size: 48px !important; }
    * { all: unset; }
    div { display: none !important; }
    section, article, button { color: lime !important; background: magenta !important; }
    .card, .title, .frame { border: 9px solid red !important; }
  </style>`;
  const { page, log, context } = await open(
    `${script()}<div class="card" id="host-card">host card</div>${widget('lang="kk"')}<button id="host-button">host</button>`,
    { head: hostile },
  );
  await rendered(page);
  const el = page.locator("salystyr-infographic");
  // What the reader sees measures the same as on a page without the hostile CSS.
  const measure = async (page) => {
    // Once the entry animation is over, so that the animation control reads the same.
    await page.locator("salystyr-infographic").getByRole("button", { name: "Қайта көрсету" }).waitFor({ timeout: 5000 });
    return page.locator("salystyr-infographic").evaluate((host) => {
      const root = host.shadowRoot;
      const box = (e) => {
        const r = e.getBoundingClientRect();
        return [r.width, r.height].map(Math.round).join("x");
      };
      const title = root.querySelector("h2");
      return {
        title: box(title),
        titleColour: getComputedStyle(title).color,
        card: box(root.querySelector("article")),
        buttons: [...root.querySelectorAll("button")].map(box),
        cards: [...root.querySelectorAll("article")].filter((a) => a.getClientRects().length).length,
      };
    });
  };
  const clean = await open(`${script()}<div class="card" id="host-card">host card</div>${widget('lang="kk"')}<button id="host-button">host</button>`, {
    head: "<style>body { margin: 0 }</style>", // as the hostile reset leaves it
  });
  await rendered(clean.page);
  const expected = await measure(clean.page);
  await clean.context.close();
  assert.ok(expected.buttons.length > 10 && expected.cards === 16, JSON.stringify(expected));
  assert.deepEqual(await measure(page), expected);
  const button = await el.getByRole("button", { name: "Қазақша" }).boundingBox();
  assert.ok(button.height >= 44, JSON.stringify(button));
  // Its own CSS does not leak out onto the host's elements.
  const hostCard = await page.locator("#host-card").evaluate((e) => getComputedStyle(e).borderTopWidth);
  assert.equal(hostCard, "9px");
  const hostButton = await page.locator("#host-button").evaluate((e) => {
    const s = getComputedStyle(e);
    return [s.minHeight, s.borderTopLeftRadius];
  });
  assert.notEqual(hostButton[0], "44px");
  assert.notEqual(hostButton[1], "22px");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("image downloads of hostile and very large data: escaped SVG, a PNG no taller than a canvas can be", async () => {
  const long = (lang) => `${lang} <b>bold</b> & ${"word ".repeat(190)}`.slice(0, 1000);
  const big = {
    ...custom,
    figures: Array.from({ length: 200 }, (_, i) => ({
      id: `f${i}`,
      category: "economy",
      kind: "count",
      value: 1000 + i,
      label: { kk: long("kk"), ru: long("ru"), en: long("en") },
    })),
  };
  const inline = `<script type="application/json">${JSON.stringify(big).replace(/</g, "\\u003c")}</script>`;
  const { page, log, context } = await open(script() + widget('lang="en"', inline), { csp: STRICT(BUNDLE) });
  await rendered(page);
  const el = page.locator("salystyr-infographic");
  await el.locator("[data-figure=f199]").waitFor({ state: "attached" });
  const get = async (button) => {
    const [download] = await Promise.all([page.waitForEvent("download"), el.locator(`button.${button}`).click()]);
    return readFileSync(await download.path());
  };
  const svg = (await get("download-svg")).toString("utf8");
  const [, height] = svg.match(/height="(\d+)"/);
  assert.ok(Number(height) > 32767, `a tall picture: ${height}`);
  const parsed = await page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, "image/svg+xml");
    return {
      error: doc.querySelector("parsererror")?.textContent ?? null,
      foreign: [...doc.querySelectorAll("*")].filter((e) => !["svg", "title", "rect", "text", "circle"].includes(e.localName)).length,
      handlers: [...doc.querySelectorAll("*")].some((e) => [...e.attributes].some((a) => a.name.startsWith("on"))),
      title: doc.querySelector("title").textContent,
      labels: [...doc.querySelectorAll("text")].filter((e) => e.textContent.includes("<b>bold</b>")).length,
    };
  }, svg);
  assert.deepEqual(parsed, {
    error: null,
    foreign: 0,
    handlers: false,
    title: "Budget <img src=x onerror=alert(1)>",
    labels: 200,
  });
  const png = await get("download-png");
  assert.deepEqual([...png.subarray(0, 4)], [137, 80, 78, 71]);
  const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  assert.ok(h <= 32767 && h >= 32000, `PNG height ${h}`);
  assert.equal(w, Math.round((640 * 32767) / Number(height)));
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("twelve instances with their own lang, categories and data share one module", async () => {
  const inline = `<script type="application/json">${JSON.stringify(custom).replace(/</g, "\\u003c")}</script>`;
  const body =
    script() +
    widget('lang="kk"') +
    widget('lang="ru" categories="women"') +
    widget('lang="en" categories="online,law"') +
    widget(`lang="en" src="${BUNDLE}/data/custom.json"`) +
    widget('lang="ru"', inline) +
    Array.from({ length: 7 }, (_, i) => widget(`lang="${["kk", "ru", "en"][i % 3]}"`)).join("");
  const { page, log, context } = await open(body, { csp: STRICT(BUNDLE) });
  await rendered(page, 12);
  const info = await page.evaluate(() =>
    [...document.querySelectorAll("salystyr-infographic")].map((e) => {
      const s = e.shadowRoot.querySelector("section.salystyr");
      return {
        lang: s.lang,
        shown: [...s.querySelectorAll("section.group:not([hidden])")].map((g) => g.dataset.category).join(","),
        title: s.querySelector("h2")?.textContent ?? "",
      };
    }),
  );
  assert.equal(info[0].lang, "kk");
  assert.equal(info[1].shown, "women");
  assert.equal(info[2].shown, "online,law");
  await page.waitForFunction(() =>
    document.querySelectorAll("salystyr-infographic")[3].shadowRoot.querySelector("[data-figure=schools-built]"),
  );
  const [byUrl, byInline] = await page.evaluate(() =>
    [3, 4].map((i) => document.querySelectorAll("salystyr-infographic")[i].shadowRoot.querySelector("section").textContent),
  );
  assert.match(byUrl, /About 1,234 schools built <b>now<\/b>/);
  assert.match(byUrl, /Budget <img src=x onerror=alert\(1\)>/);
  assert.match(byInline, /Около 1\s234 школ построено/);
  // Text stays text: nothing from the dataset became markup.
  const injected = await page.evaluate(() =>
    [...document.querySelectorAll("salystyr-infographic")].some((e) => e.shadowRoot.querySelector("img, b, script")),
  );
  assert.equal(injected, false);
  assert.equal(log.requests.filter((u) => u.endsWith(".wasm")).length, 1);
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.console, []);
  await context.close();
});

test("two script tags, and a second copy from another path: one definition, every element renders", async () => {
  const body =
    script() + script() + script(`${BUNDLE}/copy/salystyr.js`) + widget('lang="kk"') + widget('lang="en"');
  const { page, log, context } = await open(body);
  await rendered(page, 2);
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.console, []);
  await context.close();
});

test("late elements render, removed ones free their app, attributes update a live instance", async () => {
  const { page, log, context } = await open(script() + widget('id="a" lang="kk"'));
  await rendered(page);
  await page.evaluate(() => {
    const late = document.createElement("salystyr-infographic");
    late.id = "late";
    late.setAttribute("lang", "en");
    document.body.append(late);
  });
  await page.locator("#late section.salystyr").waitFor();

  // theme: the dark palette applies whatever the system says.
  const bg = () => page.locator("#a section.salystyr").evaluate((s) => getComputedStyle(s).backgroundColor);
  const light = await bg();
  await page.evaluate(() => document.querySelector("#a").setAttribute("theme", "dark"));
  assert.notEqual(await bg(), light);

  // src: loads a dataset into the live instance; removing it brings back the default.
  await page.evaluate((b) => document.querySelector("#a").setAttribute("src", `${b}/data/custom.json`), BUNDLE);
  await page.locator("#a [data-figure=schools-built]").waitFor();
  await page.evaluate(() => document.querySelector("#a").removeAttribute("src"));
  await page.locator("#a [data-figure=women-murder]").waitFor();

  // Removal frees the app: its DOM leaves the shadow root at once, the other instance
  // stays, and elements created, rendered and removed leave no DOM node, listener or
  // wasm memory behind once garbage is collected (e2e/memory.test.mjs runs 200).
  const kept = await page.evaluate(() => {
    const a = document.querySelector("#a");
    a.remove();
    return a.shadowRoot.childNodes.length;
  });
  assert.equal(kept, 0);
  const left = await page.evaluate(() => document.querySelector("#late").shadowRoot.querySelector("section").lang);
  assert.equal(left, "en");
  const cdp = await context.newCDPSession(page);
  await cycles(page, 3);
  const base = await counters(cdp);
  await cycles(page, 20);
  const now = await counters(cdp);
  const seen = `after 20 removals: ${JSON.stringify(now)}, baseline ${JSON.stringify(base)}`;
  assert.ok(now.nodes <= base.nodes + 20, `DOM nodes ${seen}`);
  assert.ok(now.listeners <= base.listeners + 10, `event listeners ${seen}`);
  assert.ok(now.wasm <= base.wasm + 128 * 1024, `wasm memory ${seen}`);
  // A removed element put back renders again.
  await page.evaluate(() => {
    const el = document.querySelector("#late");
    el.remove();
    document.body.append(el);
  });
  await page.locator("#late section.salystyr").waitFor();
  assert.equal(await page.locator("salystyr-infographic section.salystyr").count(), 1);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("data from elsewhere: HTTP errors and invalid datasets explained in the reader's language", async () => {
  const body =
    script() +
    widget(`id="missing" lang="ru" src="${BUNDLE}/data/missing.json"`) +
    widget(`id="broken" lang="kk" src="${BUNDLE}/data/broken.json"`) +
    widget(`id="syntax" lang="en"`, '<script type="application/json">{"format": "salystyr/1",</script>') +
    widget(`id="fine" lang="en"`);
  const { page, log, context } = await open(body, { csp: STRICT(BUNDLE) });
  await rendered(page, 4);
  const text = (id) => page.locator(`#${id} .notice`).textContent();
  await page.locator("#missing .notice").waitFor();
  assert.match(await text("missing"), /Файл данных не загрузился, ответ сервера: 404\./);
  await page.locator("#broken .notice").waitFor();
  const broken = await text("broken");
  assert.match(broken, /Сандарды көрсету мүмкін болмады/);
  assert.match(broken, /figures\[0\]\.value: Мұнда сан болуы керек/);
  assert.match(broken, /figures\[0\]\.category: «sport» санаты жоқ/);
  await page.locator("#syntax .notice").waitFor();
  assert.match(await text("syntax"), /Not valid JSON \(line 1, column 25\)/);
  // The others are unaffected, and the page saw no uncaught exception.
  assert.equal(await page.locator("#fine article.card").count(), 16);
  assert.deepEqual(log.errors, []);
  // The editor finds the reasons in English in the console.
  assert.ok(log.console.some((m) => m.includes("figures[0].value: Must be a number")), log.console.join("\n"));
  await context.close();
});

test("a src that never answers times out with a message after 10 s, not before and not much later", async () => {
  // The page records, as its shadow root changes, when the widget first says it is
  // loading (the request leaves in the same task) and when it says the data did not come.
  const setup = (page) =>
    page.addInitScript(() => {
      const seen = (window.__seen = {});
      const attach = () => {
        const root = document.querySelector("salystyr-infographic")?.shadowRoot;
        if (!root) return requestAnimationFrame(attach);
        const look = () => {
          const status = root.querySelector("[role=status]")?.textContent ?? "";
          if (status && !seen.loading) seen.loading = performance.now();
          if (/did not load in time/.test(status) && !seen.failed) seen.failed = performance.now();
        };
        new MutationObserver(look).observe(root, { childList: true, characterData: true, subtree: true });
        look();
      };
      attach();
    });
  const { page, log, context } = await open(script() + widget(`lang="en" src="${BUNDLE}/data/slow.json"`), { setup });
  const status = page.locator("salystyr-infographic").getByRole("status");
  await status.filter({ hasText: /Loading the figures/ }).waitFor({ timeout: 5000 });
  await status.filter({ hasText: /did not load in time/ }).waitFor({ timeout: 14000 });
  // From the request's start, as the page's Resource Timing has it (the abandoned
  // request is listed), to the message.
  const { seen, requests } = await page.evaluate(() => ({
    seen: window.__seen,
    requests: performance.getEntriesByType("resource").filter((e) => e.name.endsWith("/data/slow.json")).map((e) => e.startTime),
  }));
  assert.equal(requests.length, 1, "one request");
  assert.ok(seen.loading - requests[0] < 1000, "it said it was loading as the request left");
  const waited = seen.failed - requests[0];
  assert.ok(waited >= 9950 && waited <= 12000, `timed out ${Math.round(waited)} ms after the request`);
  assert.equal(log.requests.filter((u) => u.endsWith("/data/slow.json")).length, 1);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("src relative to the page; a body that is not JSON and a network error are explained", async () => {
  const body =
    script() +
    widget('id="relative" lang="en" src="figures.json"') +
    widget(`id="html" lang="en" src="${BUNDLE}/data/page.html"`) +
    widget(`id="reset" lang="ru" src="${BUNDLE}/data/reset.json"`);
  // The page is /articles/page-N.html and the script comes from another origin: the
  // relative address is the article's folder, not the script's.
  const { page, log, context } = await open(body, { dir: "/articles" });
  const relative = page.locator("#relative");
  await relative.getByText("About 1,234 schools built <b>now</b>").waitFor({ timeout: 10000 });
  assert.ok(log.requests.includes(`${HOST}/articles/figures.json`), log.requests.join("\n"));
  const html = page.locator("#html").getByRole("status");
  await html.filter({ hasText: /Not valid JSON \(line 1, column 1\)/ }).waitFor({ timeout: 10000 });
  const reset = page.locator("#reset").getByRole("status");
  await reset.filter({ hasText: "Не удалось загрузить файл данных: нет связи с сервером." }).waitFor({ timeout: 10000 });
  // Neither error left figures or a loading message behind.
  for (const id of ["html", "reset"]) {
    const text = await page.locator(`#${id}`).evaluate((e) => e.shadowRoot.textContent);
    assert.doesNotMatch(text, /1,234|1\s234|Loading|Загрузка/, id);
  }
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("a .wasm served without application/wasm still renders", async () => {
  const { page, log, context } = await open(script(`${BUNDLE}/octet/salystyr.js`) + widget('lang="en"'));
  await rendered(page);
  const el = page.locator("salystyr-infographic");
  await el.getByText("-49.3%").waitFor({ timeout: 5000 });
  assert.equal(await el.locator("article").count(), 16);
  assert.equal(log.requests.filter((u) => u === `${BUNDLE}/octet/salystyr_core_bg.wasm`).length, 1);
  // A warning about the slower path is fair; an error is not.
  assert.deepEqual(log.console.filter((m) => m.startsWith("error")), []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("a good citizen: no globals (at load, at mount, after a language switch), no cookies, no storage", async () => {
  const globals = (page) =>
    page.evaluate(() => ({ keys: Object.keys(window).sort(), names: Object.getOwnPropertyNames(window).sort() }));
  // The same page without the script is the baseline.
  const bare = await open(widget('lang="kk"'));
  const baseline = await globals(bare.page);
  assert.equal(await bare.page.evaluate(() => customElements.get("salystyr-infographic")), undefined);
  await bare.context.close();
  assert.ok(baseline.names.length > 100, "window's own names were read");

  const { page, log, context } = await open(script() + widget('lang="kk"'));
  const same = async (when) => {
    const now = await globals(page);
    for (const list of ["keys", "names"]) {
      const added = now[list].filter((k) => !baseline[list].includes(k));
      const gone = baseline[list].filter((k) => !now[list].includes(k));
      assert.deepEqual({ added, gone }, { added: [], gone: [] }, `${when}: Object.${list === "keys" ? "keys" : "getOwnPropertyNames"}(window)`);
    }
  };
  await rendered(page);
  await same("after the first render");
  // Its one name is in the custom element registry.
  assert.equal(await page.evaluate(() => typeof customElements.get("salystyr-infographic")), "function");
  await page.evaluate(() => {
    const late = Object.assign(document.createElement("salystyr-infographic"), { id: "late" });
    late.setAttribute("lang", "kk");
    document.body.append(late);
  });
  await page.locator("#late").getByRole("button", { name: "English" }).waitFor();
  await same("after mounting a second element");
  await page.locator("#late").getByRole("button", { name: "English" }).click();
  await page.locator("#late section[lang=en]").waitFor();
  await page.evaluate(() => document.querySelector("salystyr-infographic").setAttribute("lang", "ru"));
  await page.locator("salystyr-infographic").first().locator("section[lang=ru]").waitFor();
  await same("after a language switch");
  const stored = await page.evaluate(async () => ({
    cookie: document.cookie,
    local: localStorage.length,
    session: sessionStorage.length,
    databases: (await indexedDB.databases()).length,
    caches: (await caches.keys()).length,
  }));
  assert.deepEqual(stored, { cookie: "", local: 0, session: 0, databases: 0, caches: 0 });
  assert.deepEqual(log.console, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("width by container: the designed layouts at 280, 400, 700, 1000 and 1200 px, nothing sideways", async () => {
  const body = `${script()}<div style-free id=narrow></div>${widget('lang="kk"')}`;
  for (const [width, columns] of [[280, 1], [400, 1], [700, 2], [1000, 3], [1200, 3]]) {
    const { page, context } = await open(body, { viewport: { width, height: 900 } });
    await rendered(page);
    const cols = await page
      .locator("salystyr-infographic section.group[data-category=women] .cards")
      .evaluate((c) => getComputedStyle(c).gridTemplateColumns.split(" ").length);
    assert.equal(cols, columns, `${width}px`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(overflow, false, `${width}px scrolls sideways`);
    // Nothing sticks out of the widget, where its own overflow would hide or scroll it.
    const { drawn, outside } = await page.locator("salystyr-infographic").evaluate((host) => {
      const right = host.getBoundingClientRect().right + 0.5;
      const drawn = [...host.shadowRoot.querySelectorAll("*")].filter((e) => e.getClientRects().length);
      return {
        drawn: drawn.length,
        outside: drawn
          .filter((e) => e.getBoundingClientRect().right > right)
          .map((e) => `${e.localName}.${e.className?.baseVal ?? e.className}`),
      };
    });
    assert.ok(drawn > 100, `${width}px: ${drawn} elements drawn`);
    assert.deepEqual(outside, [], `${width}px`);
    await context.close();
  }
});

test("width follows the container, not the viewport: narrow, middle and wide columns in one 1200 px page", async () => {
  const body =
    script() +
    [320, 720, 1100].map((w) => `<div style="width:${w}px">${widget(`id="w${w}" lang="en"`)}</div>`).join("");
  const { page, context } = await open(body, { viewport: { width: 1200, height: 900 } });
  await rendered(page, 3);
  for (const [width, columns] of [[320, 1], [720, 2], [1100, 3]]) {
    const layout = await page.locator(`#w${width}`).evaluate((host) => {
      const cards = [...host.shadowRoot.querySelectorAll("article")].filter((a) => a.getClientRects().length);
      const box = host.getBoundingClientRect();
      return {
        width: Math.round(box.width),
        cards: cards.length,
        // Columns as the reader sees them: the distinct left edges of the cards (of the
        // top level: parts of a figure are indented under it).
        columns: new Set(
          cards.filter((a) => !a.closest(".parts")).map((a) => Math.round(a.getBoundingClientRect().left)),
        ).size,
        outside: cards.filter((a) => a.getBoundingClientRect().right > box.right + 0.5).length,
      };
    });
    assert.deepEqual(layout, { width, cards: 16, columns, outside: 0 }, `${width}px container`);
  }
  await context.close();
});

test("before anything can show it reserves --salystyr-reserve (480px by default); the theming properties apply", async () => {
  let release, held;
  const arrived = new Promise((r) => (held = r));
  const wait = new Promise((r) => (release = r));
  // The wasm and the built-in prerender both held back: nothing to show yet.
  const hold = async (route) => {
    held();
    await wait;
    await route.continue();
  };
  const setup = async (page) => {
    await page.route("**/salystyr_core_bg.wasm", hold);
    await page.route("**/salystyr-*.html", hold);
  };
  const theme = {
    "--salystyr-background": "rgb(250, 240, 230)",
    "--salystyr-text": "rgb(10, 20, 30)",
    "--salystyr-muted": "rgb(90, 80, 70)",
    "--salystyr-line": "rgb(200, 100, 50)",
    "--salystyr-accent": "rgb(200, 0, 100)",
    "--salystyr-accent-2": "rgb(0, 120, 60)",
    "--salystyr-before": "rgb(120, 0, 200)",
    "--salystyr-track": "rgb(230, 230, 180)",
    "--salystyr-focus": "rgb(255, 120, 0)",
  };
  const style = Object.entries(theme).map(([k, v]) => `${k}: ${v}`).join("; ");
  const body =
    script() +
    `<p><a id="before" href="#">before</a></p>` +
    `<div style="--salystyr-reserve: 333px; ${style}; --salystyr-font: 'Salystyr Test', monospace">${widget('id="themed" lang="en"')}</div>` +
    widget('id="plain" lang="en"');
  const { page, context } = await open(body, { setup });
  await arrived;
  // The module is loaded and the elements are upgraded, the wasm held back.
  await page.waitForFunction(() => document.querySelectorAll("salystyr-infographic").length === 2 &&
    [...document.querySelectorAll("salystyr-infographic")].every((e) => e.shadowRoot), null, { timeout: 5000 });
  const reserved = await page.evaluate(() =>
    Object.fromEntries([...document.querySelectorAll("salystyr-infographic")].map((e) => [e.id, e.getBoundingClientRect().height])),
  );
  assert.deepEqual(reserved, { themed: 333, plain: 480 });
  release();
  await rendered(page, 2);
  const themed = page.locator("#themed");
  await themed.getByText("-49.3%").waitFor({ timeout: 5000 });
  // Each colour shows up somewhere in the themed widget (text, fill, border or
  // background), and in the plain one nowhere.
  const used = (id) =>
    page.locator(`#${id}`).evaluate((host, colours) => {
      const props = ["color", "backgroundColor", "borderTopColor", "borderBottomColor", "borderLeftColor", "borderRightColor", "fill", "outlineColor"];
      const found = new Set();
      for (const e of host.shadowRoot.querySelectorAll("*")) {
        const s = getComputedStyle(e);
        for (const p of props) if (colours.includes(s[p])) found.add(s[p]);
      }
      return colours.filter((c) => found.has(c));
    }, Object.values(theme).filter((c) => c !== theme["--salystyr-focus"]));
  const expected = Object.entries(theme).filter(([k]) => k !== "--salystyr-focus").map(([, v]) => v);
  assert.deepEqual(await used("themed"), expected);
  assert.deepEqual(await used("plain"), []);
  const font = await themed.getByRole("heading", { level: 2 }).evaluate((h) => getComputedStyle(h).fontFamily);
  assert.match(font, /^"?Salystyr Test"?, monospace$/);
  // The focus ring, seen by Tab from the article.
  await page.focus("#before");
  await page.keyboard.press("Tab");
  const ring = await page.evaluate(() => {
    const e = document.activeElement.shadowRoot?.activeElement;
    return e && getComputedStyle(e).outlineColor;
  });
  assert.equal(ring, theme["--salystyr-focus"]);
  await context.close();
});

test("the source is linked when the dataset gives an address, in the widget and in the picture", async () => {
  const body = script() + widget(`id="custom" lang="en" src="${BUNDLE}/data/custom.json"`) + widget('id="seed" lang="en"');
  const { page, context } = await open(body, { options: { acceptDownloads: true } });
  const custom = page.locator("#custom");
  const link = custom.getByRole("link", { name: "Ministry of Finance" });
  await link.waitFor({ timeout: 10000 });
  assert.equal(await link.getAttribute("href"), "https://example.org/budget");
  // The default dataset names no address: its source is text, nothing is linked.
  await rendered(page, 2);
  await page.locator("#seed").getByText(/Government press service/).waitFor();
  assert.equal(await page.locator("#seed").getByRole("link").count(), 0);
  const picture = async (id) => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator(`#${id}`).getByRole("button", { name: /SVG/ }).click(),
    ]);
    return page.evaluate((t) => {
      const doc = new DOMParser().parseFromString(t, "image/svg+xml");
      return [...doc.querySelectorAll("text")].map((e) => e.textContent);
    }, readFileSync(await download.path(), "utf8"));
  };
  const texts = await picture("custom");
  assert.ok(texts.some((t) => t.includes("Ministry of Finance")), texts.join("\n"));
  assert.ok(texts.includes("https://example.org/budget"), texts.join("\n"));
  assert.ok(!(await picture("seed")).some((t) => /https?:/.test(t)));
  await context.close();
});

test("attributes as editors write them: a region subtag, ids separated by spaces, only unknown ids", async () => {
  const body = script() + widget('id="a" lang="ru-RU" categories="women  children"') + widget('id="b" lang="EN" categories="sport"');
  const { page, log, context } = await open(body);
  await rendered(page, 2);
  const groups = (id) => page.locator(`#${id}`).getByRole("heading", { level: 3 }).allTextContents();
  assert.equal(await page.locator("#a section[lang]").first().getAttribute("lang"), "ru");
  assert.deepEqual(await groups("a"), ["Права женщин", "Дети"]);
  // None known: the notice names the id, and every category shows.
  assert.equal(await page.locator("#b section[lang]").first().getAttribute("lang"), "en");
  await page.locator("#b").getByRole("status").filter({ hasText: "sport" }).waitFor({ timeout: 5000 });
  assert.equal((await groups("b")).length, 5);
  assert.deepEqual(log.errors, []);
  await context.close();
});
