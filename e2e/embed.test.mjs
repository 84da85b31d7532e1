// End-to-end: the release bundle in dist/ loaded into a plain host page in headless
// Chromium, through the same script tag and element any site uses.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { site } from "./browser.mjs";

const seed = JSON.parse(readFileSync(new URL("../data/seed.json", import.meta.url)));
const env = site({ before, after });

/** Opens the host page; resolves once the widget has rendered its figures. */
async function open(options = {}) {
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 800 }, ...options });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => ["error", "warning"].includes(m.type()) && problems.push(m.text()));
  page.on("pageerror", (e) => problems.push(e.message));
  await page.goto(`${env.origin}/e2e/host.html`);
  const widget = page.locator("salystyr-infographic").first();
  await widget.locator("article.card").first().waitFor();
  return { page, widget, problems, context };
}

/** Node's Intl (full ICU, CLDR data) for a percent change. */
const intlPercent = (lang, v, d) =>
  new Intl.NumberFormat(lang, {
    style: "percent",
    signDisplay: "exceptZero",
    minimumFractionDigits: d,
    maximumFractionDigits: d,
  }).format(v / 100);
const intlNumber = (lang, v) => new Intl.NumberFormat(lang).format(v);

test("renders every figure of the dataset inside an open shadow root", async () => {
  const { page, widget, problems, context } = await open();
  const ids = await widget.locator("article.card").evaluateAll((cards) => cards.map((c) => c.dataset.figure));
  assert.deepEqual(ids, seed.figures.map((f) => f.id));
  assert.equal(await page.evaluate(() => !!document.querySelector("salystyr-infographic").shadowRoot), true);
  assert.equal(await widget.locator("section.salystyr").getAttribute("lang"), "kk");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the animation lands on exact values that agree with Intl.NumberFormat", async () => {
  const { page, widget, context } = await open();
  await widget.scrollIntoViewIfNeeded();
  for (const lang of ["kk", "ru", "en"]) {
    await widget.locator(`button[lang=${lang}]`).click();
    await page.waitForTimeout(1300);
    const murder = widget.locator("[data-figure=women-murder] .big");
    assert.equal(await murder.textContent(), intlPercent(lang, -49.3, 1), lang);
    const orders = widget.locator("[data-figure=dv-response] .step").nth(1).locator(".num");
    assert.equal(await orders.textContent(), intlNumber(lang, 72000), lang);
  }
  await context.close();
});

test("language and category buttons work by mouse", async () => {
  const { widget, context } = await open();
  await widget.locator("button[lang=en]").click();
  const root = widget.locator("section.salystyr");
  assert.equal(await root.getAttribute("lang"), "en");
  assert.match(await root.textContent(), /Of which, murders: down 49\.3% over the past five years/);
  const women = widget.locator("button.toggle[data-category=women]");
  await women.click();
  assert.equal(await women.getAttribute("aria-pressed"), "false");
  await widget.locator("section.group[data-category=women]").waitFor({ state: "hidden" });
  await women.click();
  await widget.locator("section.group[data-category=women]").waitFor({ state: "visible" });
  await context.close();
});

test("language and category buttons work by touch", async () => {
  const { widget, context } = await open({ hasTouch: true, isMobile: true, viewport: { width: 400, height: 800 } });
  await widget.locator("button[lang=ru]").tap();
  assert.equal(await widget.locator("section.salystyr").getAttribute("lang"), "ru");
  await widget.locator("button.toggle[data-category=law]").tap();
  await widget.locator("section.group[data-category=law]").waitFor({ state: "hidden" });
  await context.close();
});

test("language and category buttons work by keyboard alone", async () => {
  const { page, widget, context } = await open();
  await page.focus("#before");
  await page.keyboard.press("Tab");
  const focused = () => page.evaluate(() => {
    const el = document.activeElement?.shadowRoot?.activeElement;
    return el ? `${el.className}:${el.getAttribute("lang") ?? el.dataset.category}` : document.activeElement?.id;
  });
  assert.equal(await focused(), "lang:kk");
  await page.keyboard.press("ArrowRight");
  assert.equal(await focused(), "lang:ru");
  await page.keyboard.press("Enter");
  assert.equal(await widget.locator("section.salystyr").getAttribute("lang"), "ru");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Space");
  assert.equal(await widget.locator("section.salystyr").getAttribute("lang"), "en");

  // Tab leaves the language group for the category group.
  for (let i = 0; i < 3 && !(await focused()).startsWith("toggle"); i++) await page.keyboard.press("Tab");
  assert.equal(await focused(), "toggle:domestic-violence");
  await page.keyboard.press("ArrowRight");
  assert.equal(await focused(), "toggle:women");
  await page.keyboard.press("Space");
  await widget.locator("section.group[data-category=women]").waitFor({ state: "hidden" });
  await page.keyboard.press("Enter");
  await widget.locator("section.group[data-category=women]").waitFor({ state: "visible" });
  await context.close();
});

test("lang and categories attributes work at load and when changed later", async () => {
  const { page, widget, problems, context } = await open();
  await page.evaluate(() => {
    const el = document.querySelector("salystyr-infographic");
    el.setAttribute("lang", "ru");
    el.setAttribute("categories", "women,children");
  });
  const root = widget.locator("section.salystyr");
  await page.waitForFunction(() =>
    document.querySelector("salystyr-infographic").shadowRoot.querySelector("section.salystyr").lang === "ru");
  assert.match(await root.textContent(), /Убийства/);
  for (const [id, visible] of [["women", true], ["children", true], ["law", false], ["online", false]]) {
    // Leaving groups fade out first, then are display: none.
    await widget.locator(`section.group[data-category=${id}]`).waitFor({ state: visible ? "visible" : "hidden" });
  }
  // A second element added later, with its own attributes, renders on its own.
  await page.evaluate(() => {
    const el = document.createElement("salystyr-infographic");
    el.setAttribute("lang", "en");
    el.setAttribute("categories", "online");
    el.id = "late";
    document.body.append(el);
  });
  const late = page.locator("#late");
  await late.locator("section.salystyr").waitFor();
  assert.equal(await late.locator("section.salystyr").getAttribute("lang"), "en");
  assert.equal(await late.locator("article.card:visible").count(), 1);
  assert.equal(await root.getAttribute("lang"), "ru");
  assert.deepEqual(problems, []);
  await context.close();
});

test("with no lang attribute it follows the host page's <html lang>, else Kazakh", async () => {
  const { page, context } = await open();
  const langOf = (hostLang) =>
    page.evaluate(async (hostLang) => {
      document.documentElement.lang = hostLang;
      const el = document.createElement("salystyr-infographic");
      document.body.append(el);
      for (let i = 0; i < 100 && !el.shadowRoot?.querySelector("section"); i++) await new Promise((r) => setTimeout(r, 20));
      const lang = el.shadowRoot.querySelector("section").lang;
      el.remove();
      return lang;
    }, hostLang);
  assert.equal(await langOf("ru-RU"), "ru");
  assert.equal(await langOf("en"), "en");
  assert.equal(await langOf("de"), "kk");
  await context.close();
});
