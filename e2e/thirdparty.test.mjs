// Other people's pages: the two-line snippet pasted into a Bootstrap 5 page (in a grid
// column, a card and a table cell), a Tailwind page (its preflight reset), and a React 18
// app that renders the element from state, changes its attributes, listens to its event
// and mounts and unmounts it hundreds of times. The widget must look as it does alone
// (bars to scale, touch targets, its own type), leave the host's styles alone, and
// leave nothing behind.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { site } from "./browser.mjs";
import { honest } from "./geometry.mjs";

const env = site({ before, after });
const SCRIPT = '<script type="module" src="/dist/salystyr.js"></script>';

async function open(html, width = 1200) {
  // Reduced motion: the bars are measured where they rest, not mid-flight.
  const context = await env.browser.newContext({ viewport: { width, height: 900 }, reducedMotion: "reduce" });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.route(`${env.origin}/third-party.html`, (r) => r.fulfill({ contentType: "text/html", body: html }));
  await page.goto(`${env.origin}/third-party.html`);
  return { context, page, errors };
}
const live = (w) => w.locator(".controls:not([inert])").waitFor();

/** What a reader would notice: every figure, bars to scale, targets, type. */
async function looksRight(w, where, least) {
  assert.equal(await w.locator("article.card").count(), 16, where);
  assert.ok((await honest(w, where, least)) >= 4, where);
  const look = await w.evaluate((host) => {
    const r = host.shadowRoot;
    const buttons = [...r.querySelectorAll("button")].filter((b) => b.getClientRects().length);
    return {
      smallest: Math.min(...buttons.map((b) => b.getBoundingClientRect().height)),
      title: getComputedStyle(r.querySelector("h2")).fontWeight,
      font: getComputedStyle(r.querySelector(".salystyr")).fontSize,
      overflow: [...r.querySelectorAll(".card")].filter((c) => c.getBoundingClientRect().right > host.getBoundingClientRect().right + 0.5).length,
    };
  });
  assert.ok(look.smallest >= 44, `${where}: a button ${look.smallest} px high`);
  assert.deepEqual([look.title, look.font, look.overflow], ["700", "16px", 0], where);
}

test("in a Bootstrap 5 page: a grid column, a card body and a table cell", async () => {
  const html = `<!doctype html><html lang="ru"><head><meta charset="utf-8">
    <link rel="stylesheet" href="/node_modules/bootstrap/dist/css/bootstrap.min.css"></head><body>
    <div class="container my-4"><div class="row">
      <div class="col-md-8"><h1 class="display-6">Статья</h1>
        <salystyr-infographic id="col" lang="ru"></salystyr-infographic>
        <button class="btn btn-primary" id="host-button">Подписаться</button></div>
      <aside class="col-md-4"><div class="card"><div class="card-body">
        <salystyr-infographic id="card" lang="kk" categories="women"></salystyr-infographic></div></div></aside>
    </div>
    <table class="table"><tbody><tr><td>Слева</td><td><salystyr-infographic id="cell" lang="en"></salystyr-infographic></td></tr></tbody></table>
    </div>${SCRIPT}</body></html>`;
  const { context, page, errors } = await open(html);
  for (const id of ["col", "card", "cell"]) await live(page.locator(`#${id}`));
  await looksRight(page.locator("#col"), "bootstrap column");
  await looksRight(page.locator("#cell"), "bootstrap table cell");
  // The column's width, the card's body, the cell's offer (no collapse).
  const widths = await page.evaluate(() =>
    Object.fromEntries(["col", "card", "cell"].map((id) => [id, document.getElementById(id).getBoundingClientRect().width])),
  );
  const column = await page.locator(".col-md-8").evaluate((c) => c.clientWidth - parseFloat(getComputedStyle(c).paddingLeft) * 2);
  assert.ok(Math.abs(widths.col - column) < 1, JSON.stringify({ widths, column }));
  assert.ok(widths.card >= 280 && widths.cell >= 600, JSON.stringify(widths));
  // Bootstrap's own button is still Bootstrap's.
  const button = await page.locator("#host-button").evaluate((b) => getComputedStyle(b).backgroundColor);
  assert.equal(button, "rgb(13, 110, 253)");
  assert.deepEqual(errors, []);
  await context.close();
});

test("in a Tailwind page, under its preflight reset", async () => {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <link rel="stylesheet" href="/node_modules/tailwindcss/preflight.css"></head><body>
    <main style="max-width:720px;margin:0 auto;padding:16px"><h1>Article</h1>
    <salystyr-infographic lang="en"></salystyr-infographic><p>More text.</p></main>${SCRIPT}</body></html>`;
  const { context, page, errors } = await open(html, 800);
  const w = page.locator("salystyr-infographic");
  await live(w);
  await looksRight(w, "tailwind");
  // The reset still rules the host page's own elements.
  assert.equal(await page.locator("h1").evaluate((h) => getComputedStyle(h).fontSize), "16px");
  assert.deepEqual(errors, []);
  await context.close();
});

test("in a React 18 app: attributes from state, the event, and 300 mounts and unmounts", async () => {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body><div id="root"></div>
    <script src="/node_modules/react/umd/react.production.min.js"></script>
    <script src="/node_modules/react-dom/umd/react-dom.production.min.js"></script>
    <script>
      const h = React.createElement;
      window.__heard = [];
      function App() {
        const [lang, setLang] = React.useState("kk");
        const [shown, setShown] = React.useState(true);
        const ref = React.useRef(null);
        React.useEffect(() => {
          const el = ref.current;
          if (!el) return;
          const hear = (e) => window.__heard.push(e.detail.lang);
          el.addEventListener("salystyr-change", hear);
          return () => el.removeEventListener("salystyr-change", hear);
        }, [shown]);
        window.__app = { setLang, setShown };
        return h("article", null, h("h1", null, "An app"),
          shown ? h("salystyr-infographic", { ref, lang, categories: "women,online" }) : h("p", null, "(hidden)"));
      }
      ReactDOM.createRoot(document.getElementById("root")).render(h(App));
    </script>${SCRIPT}</body></html>`;
  const { context, page, errors } = await open(html, 1000);
  const w = page.locator("salystyr-infographic");
  await live(w);
  await looksRight(w, "react", 4); // two categories on: four comparing figures
  // React sets the attribute: the widget follows.
  await page.evaluate(() => window.__app.setLang("ru"));
  await w.locator("section.salystyr[lang=ru]").waitFor();
  // The reader chooses: the element says so, and React's listener hears it.
  await w.getByRole("button", { name: "English" }).click();
  await page.waitForFunction(() => window.__heard.includes("en"));
  // React sets another language later: it applies.
  await page.evaluate(() => window.__app.setLang("kk"));
  await w.locator("section.salystyr[lang=kk]").waitFor();
  // Mounted and unmounted by React, 300 times: nothing is left behind.
  const cdp = await context.newCDPSession(page);
  const counters = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    const { nodes, jsEventListeners } = await cdp.send("Memory.getDOMCounters");
    return { nodes, listeners: jsEventListeners };
  };
  const cycle = (n) =>
    page.evaluate(async (n) => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      for (let i = 0; i < n; i++) {
        window.__app.setShown(false);
        await frame();
        window.__app.setShown(true);
        for (let k = 0; k < 200 && !document.querySelector("salystyr-infographic")?.shadowRoot?.querySelector(".controls:not([inert])"); k++) await frame();
      }
    }, n);
  await cycle(20);
  const start = await counters();
  await cycle(300);
  const end = await counters();
  assert.ok(end.nodes - start.nodes < 60 && end.listeners - start.listeners < 10, JSON.stringify({ start, end }));
  await live(w);
  assert.equal(await w.locator("section.group:not([hidden])").count(), 2);
  assert.deepEqual(errors, []);
  await context.close();
});
