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
/** Serves `body` as a host page (with `head` and an optional CSP); opens it. */
async function open(body, { csp, head = "", viewport = { width: 1000, height: 900 } } = {}) {
  const path = `/page-${++n}.html`;
  pages.set(path, {
    csp,
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`,
  });
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
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
const rendered = (page, count = 1) =>
  page.waitForFunction(
    (count) =>
      [...document.querySelectorAll("salystyr-infographic")].filter((e) =>
        e.shadowRoot?.querySelector("section.salystyr"),
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

test("where the CSP blocks WebAssembly the figures show as text and the console names the directive", async () => {
  const csp = `default-src 'self'; script-src 'self' ${BUNDLE}; style-src 'self' ${BUNDLE}; connect-src 'self' ${BUNDLE}`;
  const { page, log, context } = await open(script() + widget('lang="en"'), { csp });
  const el = page.locator("salystyr-infographic");
  await el.locator("li").first().waitFor();
  const text = await el.locator("section").textContent();
  assert.match(text, /This infographic needs WebAssembly/);
  assert.match(text, /Murders: down 49\.3% over the last 5 years\./);
  assert.match(text, /nearly 100,000 reports received by the police/);
  assert.ok(log.console.some((m) => m.startsWith("error") && m.includes("'wasm-unsafe-eval'")), log.console.join("\n"));
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("an editor's own fallback content stays visible where WebAssembly is blocked", async () => {
  const csp = `default-src 'self'; script-src 'self' ${BUNDLE}; style-src 'self' ${BUNDLE}; connect-src 'self' ${BUNDLE}`;
  const { page, context } = await open(script() + widget("", "<p id=own>Static figures</p>"), { csp });
  await page.waitForTimeout(1500);
  assert.equal(await page.locator("#own").isVisible(), true);
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
  const title = await el.locator("h2.title").evaluate((h) => {
    const s = getComputedStyle(h);
    return { size: s.fontSize, color: s.color, border: s.borderTopWidth };
  });
  assert.equal(title.size, "21.6px");
  assert.equal(title.border, "0px");
  assert.notEqual(title.color, "rgb(0, 255, 0)");
  const card = await el.locator("article.card").first().boundingBox();
  assert.ok(card.width > 200 && card.height > 50, JSON.stringify(card));
  const button = await el.locator("button[lang=kk]").boundingBox();
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

test("a src that never answers times out with a message", async () => {
  const { page, context } = await open(script() + widget(`lang="en" src="${BUNDLE}/data/slow.json"`));
  await page.locator("salystyr-infographic .loading").waitFor();
  assert.match(await page.locator("salystyr-infographic .loading").textContent(), /Loading the figures/);
  await page.locator("salystyr-infographic .notice").waitFor({ timeout: 15000 });
  assert.match(await page.locator("salystyr-infographic .notice").textContent(), /did not load in time/);
  await context.close();
});

test("a good citizen: no globals, no cookies, no storage", async () => {
  const { page, context } = await open(script() + widget());
  const before = await page.evaluate(() => Object.keys(window).length);
  await rendered(page);
  const state = await page.evaluate(() => ({
    globals: Object.keys(window).filter((k) => k !== "__violations"),
    cookie: document.cookie,
    local: localStorage.length,
    session: sessionStorage.length,
  }));
  assert.equal(state.cookie, "");
  assert.equal(state.local + state.session, 0);
  assert.ok(state.globals.length <= before, state.globals.join(","));
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
    const outside = await page.locator("salystyr-infographic").evaluate((host) => {
      const right = host.getBoundingClientRect().right + 0.5;
      return [...host.shadowRoot.querySelectorAll("*")]
        .filter((e) => e.getClientRects().length && e.getBoundingClientRect().right > right)
        .map((e) => `${e.localName}.${e.className?.baseVal ?? e.className}`);
    });
    assert.deepEqual(outside, [], `${width}px`);
    await context.close();
  }
});
