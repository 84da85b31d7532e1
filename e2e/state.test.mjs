// The element's state, outward, as a host page sees it: the reader's choices reflected
// in the `lang` and `categories` attributes, one bubbling, composed `salystyr-change`
// event per choice (none for the host's own changes), and the `data` property.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { site } from "./browser.mjs";

const env = site({ before, after });
const ALL = ["domestic-violence", "women", "children", "online", "law"];

/** A host page listening to the widget from the document, as an analytics script would. */
async function open(body = '<salystyr-infographic id="w" lang="kk"></salystyr-infographic>', init) {
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.addInitScript(() => {
    window.__events = [];
    document.addEventListener("salystyr-change", (e) =>
      window.__events.push({ ...e.detail, target: e.target.id, bubbles: e.bubbles, composed: e.composed }),
    );
    // Every change of the element's attributes, and every re-render of its language.
    window.__attributes = [];
    new MutationObserver((records) =>
      window.__attributes.push(...records.map((r) => `${r.attributeName}=${r.target.getAttribute(r.attributeName)}`)),
    ).observe(document, { attributes: true, subtree: true, attributeFilter: ["lang", "categories"] });
  });
  if (init) await page.addInitScript(init);
  await page.route(`${env.origin}/state.html`, (r) =>
    r.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body>${body}<script type="module" src="/dist/salystyr.js"></script></body></html>`,
    }),
  );
  await page.goto(`${env.origin}/state.html`);
  const w = page.locator("salystyr-infographic").first();
  await w.locator(".controls:not([inert])").waitFor();
  return { page, w, errors, context };
}
const events = (page) => page.evaluate(() => window.__events);
const attr = (page, name) => page.locator("#w").evaluate((e, name) => e.getAttribute(name), name);

test("the reader's choices come out as attributes and one event each, and only theirs", async () => {
  const { page, w, errors, context } = await open();
  await page.evaluate(() => (window.__attributes.length = 0));
  // Language.
  await w.getByRole("button", { name: "English" }).click();
  await w.locator("section.salystyr[lang=en]").waitFor();
  assert.equal(await attr(page, "lang"), "en");
  assert.deepEqual(await events(page), [{ lang: "en", categories: ALL, view: "chart", target: "w", bubbles: true, composed: true }]);
  // A category off.
  await w.getByRole("button", { name: "Online" }).click();
  assert.equal(await attr(page, "categories"), "domestic-violence,women,children,law");
  // The table.
  await w.getByRole("group", { name: "View" }).getByRole("button", { name: "Table" }).click();
  await w.getByRole("table").waitFor();
  const all = await events(page);
  assert.equal(all.length, 3);
  assert.deepEqual(all[1].categories, ["domestic-violence", "women", "children", "law"]);
  assert.deepEqual(all.map((e) => e.view), ["chart", "chart", "table"]);
  // A click that changes nothing (the language already chosen) tells nothing.
  await w.getByRole("button", { name: "English" }).click();
  await page.waitForTimeout(100);
  assert.equal((await events(page)).length, 3);
  // Both attributes set once per choice: no loop through attributeChangedCallback.
  assert.deepEqual(await page.evaluate(() => window.__attributes), [
    "lang=en",
    "categories=domestic-violence,women,children,online,law",
    "lang=en",
    "categories=domestic-violence,women,children,law",
    "lang=en",
    "categories=domestic-violence,women,children,law",
  ]);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the host's own attribute changes apply, even back to a value the reader left, and fire no event", async () => {
  const { page, w, context } = await open();
  await w.getByRole("button", { name: "Русский" }).click();
  await w.locator("section.salystyr[lang=ru]").waitFor();
  const told = (await events(page)).length;
  // The host's language switch: back to Kazakh, the value it had set first.
  await page.locator("#w").evaluate((e) => e.setAttribute("lang", "kk"));
  await w.locator("section.salystyr[lang=kk]").waitFor();
  await page.locator("#w").evaluate((e) => e.setAttribute("categories", "women"));
  await w.locator("section.group[data-category=law]").waitFor({ state: "hidden" });
  await page.waitForTimeout(100);
  assert.equal((await events(page)).length, told, "no event for the host's own changes");
  // And the reader can choose again.
  await w.getByRole("button", { name: "English" }).click();
  await w.locator("section.salystyr[lang=en]").waitFor();
  assert.equal(await attr(page, "lang"), "en");
  assert.deepEqual((await events(page)).at(-1).categories, ["women"]);
  await context.close();
});

const budget = {
  format: "salystyr/1",
  id: "budget",
  title: { kk: "Бюджет", ru: "Бюджет", en: "The budget" },
  source: { text: { kk: "Қаржы министрлігі", ru: "Минфин", en: "Ministry of Finance" } },
  categories: [{ id: "economy", label: { kk: "Экономика", ru: "Экономика", en: "Economy" } }],
  figures: [{ id: "schools", category: "economy", kind: "count", value: 1234, label: { kk: "мектеп", ru: "школ", en: "schools built" } }],
};

test("the data property takes a dataset object, validated like any other, before or after the element is defined", async () => {
  // Set by the page's own script before the module defines the element (a classic
  // script runs as it is parsed; the module after): taken over on upgrade.
  const { page, w, errors, context } = await open(
    '<salystyr-infographic id="w" lang="en"></salystyr-infographic>' +
      `<script>const w = document.querySelector("#w"); window.__early = !customElements.get("salystyr-infographic"); w.data = ${JSON.stringify(budget)};</script>`,
  );
  assert.equal(await page.evaluate(() => window.__early), true, "set before the element was defined");
  await w.locator("[data-figure=schools]").waitFor();
  assert.match(await w.locator("[data-figure=schools] .sr-only").textContent(), /1,234 schools built/);
  assert.equal(await page.locator("#w").evaluate((e) => e.data.id), "budget");
  // A broken one: explained in the reader's language, with paths.
  await page.locator("#w").evaluate((e, d) => {
    e.setAttribute("lang", "ru");
    e.data = { ...d, figures: [{ ...d.figures[0], value: "many" }] };
  }, budget);
  const notice = w.getByRole("status");
  await notice.filter({ hasText: "figures[0].value: Здесь должно быть: число" }).waitFor();
  // It wins over src; null gives the element back to its other sources.
  await page.locator("#w").evaluate((e, d) => {
    e.setAttribute("src", "/no/such/file.json");
    e.data = d;
  }, budget);
  await w.locator("[data-figure=schools]").waitFor();
  await page.locator("#w").evaluate((e) => {
    e.removeAttribute("src");
    e.data = null;
  });
  await w.locator("[data-figure=women-murder]").waitFor();
  assert.equal(await page.locator("#w").evaluate((e) => e.data), null);
  // A value that is no JSON at all (a cycle) is an error, not a crash.
  await page.locator("#w").evaluate((e) => {
    const d = {};
    d.self = d;
    e.data = d;
  });
  await notice.filter({ hasText: "JSON" }).waitFor();
  assert.deepEqual(errors.filter((e) => !e.startsWith("salystyr:")), []);
  await context.close();
});
