// Host layouts that size the widget to its content: a table cell (old CMS templates and
// newsletters), an inline-block, a float, flex and grid items of auto width. The widget
// takes the width it is offered up to about 640 px, never collapses below 280 px where
// that fits, and its container queries still follow the width it got.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { site } from "./browser.mjs";

const env = site({ before, after });

const HOSTS = {
  "a table cell": (w) => `<table><tr><td>Text beside it</td><td>${w}</td></tr></table>`,
  "a lone table cell": (w) => `<table><tr><td>${w}</td></tr></table>`,
  "an inline-block": (w) => `<div style="display:inline-block">${w}</div>`,
  "a float": (w) => `<div style="float:left">${w}</div><p>Text that flows around it.</p>`,
  "a flex item of auto width": (w) => `<div style="display:flex;gap:16px;align-items:flex-start">${w}<p>Aside</p></div>`,
  "a grid item of auto width": (w) => `<div style="display:grid;grid-template-columns:auto 1fr;gap:16px">${w}<p>Aside</p></div>`,
  "an absolutely placed box": (w) => `<div style="position:absolute;left:0;top:0">${w}</div>`,
};

async function open(body, width) {
  const context = await env.browser.newContext({ viewport: { width, height: 900 }, reducedMotion: "reduce" });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head>
    <body style="margin:0;padding:0 8px">${body}<script type="module" src="/dist/salystyr.js"></script></body></html>`;
  await page.route(`${env.origin}/host-page.html`, (r) => r.fulfill({ contentType: "text/html", body: html }));
  await page.goto(`${env.origin}/host-page.html`);
  await page.locator("salystyr-infographic [data-figure]").first().waitFor();
  return { context, page, errors };
}

/** The widget's box, its title's box, and how many card columns its layout chose. */
const layout = (page) =>
  page.locator("salystyr-infographic").evaluate((el) => {
    const r = el.getBoundingClientRect();
    const title = el.shadowRoot.querySelector("h2").getBoundingClientRect();
    const cards = el.shadowRoot.querySelector("section.group[data-category=women] .cards");
    return {
      width: r.width,
      height: r.height,
      left: r.left,
      right: r.right,
      title: { left: title.left, right: title.right },
      columns: getComputedStyle(cards).gridTemplateColumns.split(" ").length,
    };
  });

for (const [name, host] of Object.entries(HOSTS)) {
  test(`in ${name} it takes the width offered, up to about 640 px`, async () => {
    for (const [viewport, expect] of [
      [1200, { min: 600, max: 680, columns: 2 }],
      [320, { min: 280, max: 320, columns: 1 }],
    ]) {
      const { context, page, errors } = await open(host('<salystyr-infographic lang="en"></salystyr-infographic>'), viewport);
      const box = await layout(page);
      const at = `${name} at ${viewport}px: ${JSON.stringify(box)}`;
      assert.ok(box.width >= expect.min && box.width <= expect.max, at);
      assert.equal(box.columns, expect.columns, at);
      assert.ok(box.height < 6000, `${at}: collapsed into a tall strip`);
      // Its title stays inside it.
      assert.ok(box.title.left >= box.left - 0.5 && box.title.right <= box.right + 0.5, at);
      assert.deepEqual(errors, []);
      await context.close();
    }
  });
}

test("in a normal column it still takes the column's whole width, wide or narrow", async () => {
  for (const width of [280, 700, 1200]) {
    const { context, page } = await open('<main><salystyr-infographic lang="kk"></salystyr-infographic></main>', width);
    const box = await layout(page);
    assert.ok(Math.abs(box.width - (width - 16)) < 1, `${width}px: ${JSON.stringify(box)}`);
    await context.close();
  }
});
