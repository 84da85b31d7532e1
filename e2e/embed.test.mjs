// End-to-end: the release bundle in dist/ loaded into a plain host page in headless
// Chromium, through the same script tag and element any site uses.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { site } from "./browser.mjs";

const seed = JSON.parse(readFileSync(new URL("../data/seed.json", import.meta.url)));
const env = site({ before, after });

/** Opens the host page; resolves once the widget has rendered its figures. `init` runs in the page before its scripts. */
async function open(options = {}, init) {
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 800 }, ...options });
  const page = await context.newPage();
  if (init) await page.addInitScript(init);
  const problems = [];
  page.on("console", (m) => ["error", "warning"].includes(m.type()) && problems.push(m.text()));
  page.on("pageerror", (e) => problems.push(e.message));
  await page.goto(`${env.origin}/e2e/host.html`);
  const widget = page.locator("salystyr-infographic").first();
  // The live widget (a prerender, shown first, has inert controls).
  await widget.locator(".controls:not([inert])").waitFor();
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

/** The value a number's text says: "-49,3%" -> -49.3, "72 000" -> 72000 (any locale here). */
const valueOf = (text, percent) =>
  percent ? Number(text.replace(/[^\d,.-]/g, "").replace(",", ".")) : Number(text.replace(/\D/g, ""));

test("numbers count through intermediate values to exact ones that agree with Intl.NumberFormat", async () => {
  // Every text the two numbers take, recorded in the page from the moment the element
  // has a shadow root, with its time. A widget in view at load starts where its
  // prerender ends (nothing restarts under the reader's eyes), so the counting is the
  // replay's: the record starts over when the replay is asked for.
  const record = () => {
    const seen = (window.__counts = { murder: [], orders: [] });
    addEventListener("salystyr-test-replay", () => {
      seen.murder = [];
      seen.orders = [];
    });
    const read = (root) => {
      const murder = root.querySelector("[data-figure=women-murder] .num")?.textContent;
      const orders = root.querySelectorAll("[data-figure=dv-response] .num")[1]?.textContent;
      for (const [key, text] of [["murder", murder], ["orders", orders]]) {
        const list = seen[key];
        if (text != null && list.at(-1)?.text !== text) list.push({ text, t: performance.now() });
      }
    };
    const attach = () => {
      const root = document.querySelector("salystyr-infographic")?.shadowRoot;
      if (!root) return requestAnimationFrame(attach);
      new MutationObserver(() => read(root)).observe(root, { childList: true, characterData: true, subtree: true });
      read(root);
    };
    attach();
  };
  const { page, widget, problems, context } = await open({}, record);
  const murderFinal = intlPercent("kk", -49.3, 1);
  const ordersFinal = intlNumber("kk", 72000);
  // The live widget is there (its controls work), showing final values at once.
  await widget.locator(".controls:not([inert])").waitFor();
  const replay = widget.getByRole("button", { name: "Қайта көрсету" });
  await replay.waitFor();
  await page.evaluate(() => dispatchEvent(new Event("salystyr-test-replay")));
  await replay.click();
  await page.waitForFunction(
    ([m, o]) => window.__counts.murder.at(-1)?.text === m && window.__counts.orders.at(-1)?.text === o,
    [murderFinal, ordersFinal],
    { timeout: 10000 },
  );
  // Wait a few frames: nothing moves after landing.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 100)))));
  const counts = await page.evaluate(() => window.__counts);
  for (const [key, target, percent, final] of [
    ["murder", -49.3, true, murderFinal],
    ["orders", 72000, false, ordersFinal],
  ]) {
    const steps = counts[key];
    const shown = steps.map((s) => s.text).join(" > ");
    const values = steps.map((s) => valueOf(s.text, percent));
    assert.equal(values[0], 0, `${key} starts at 0: ${shown}`);
    assert.equal(steps.at(-1).text, final, `${key} ends exact: ${shown}`);
    const between = values.filter((v) => Math.abs(v) > 0 && Math.abs(v) < Math.abs(target));
    assert.ok(new Set(between).size >= 5, `${key} counts through intermediate values: ${shown}`);
    for (let i = 1; i < values.length; i++) {
      assert.ok(Math.abs(values[i]) >= Math.abs(values[i - 1]) && Math.sign(values[i]) !== -Math.sign(target), `${key} is monotonic: ${shown}`);
    }
    const took = steps.at(-1).t - steps[1].t;
    assert.ok(took >= 500 && took <= 4000, `${key} counted for ${Math.round(took)} ms`);
  }
  // Once landed, each language shows the exact values in its own format.
  for (const [lang, name] of [["ru", "Русский"], ["en", "English"], ["kk", "Қазақша"]]) {
    await widget.getByRole("button", { name }).click();
    const expected = [intlPercent(lang, -49.3, 1), intlNumber(lang, 72000)];
    await page.waitForFunction(
      ([m, o]) => window.__counts.murder.at(-1)?.text === m && window.__counts.orders.at(-1)?.text === o,
      expected,
      { timeout: 3000 },
    ).catch(() => {});
    const now = await page.evaluate(() => [window.__counts.murder.at(-1).text, window.__counts.orders.at(-1).text]);
    assert.deepEqual(now, expected, lang);
  }
  assert.deepEqual(problems, []);
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
    return el ? `${el.classList[0]}:${el.getAttribute("lang") ?? el.dataset.category}` : document.activeElement?.id;
  });
  assert.equal(await focused(), "lang:kk");
  await page.keyboard.press("ArrowRight");
  assert.equal(await focused(), "lang:ru");
  await page.keyboard.press("Enter");
  assert.equal(await widget.locator("section.salystyr").getAttribute("lang"), "ru");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Space");
  assert.equal(await widget.locator("section.salystyr").getAttribute("lang"), "en");
  // Home and End go to the ends of the group.
  const name = () => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.textContent.trim());
  await page.keyboard.press("Home");
  assert.equal(await name(), "Қазақша");
  await page.keyboard.press("End");
  assert.equal(await name(), "English");

  // Tab leaves the language group for the category group.
  for (let i = 0; i < 3 && !(await focused()).startsWith("toggle"); i++) await page.keyboard.press("Tab");
  assert.equal(await focused(), "toggle:domestic-violence");
  await page.keyboard.press("End");
  assert.equal(await name(), "The law");
  await page.keyboard.press("Home");
  assert.equal(await name(), "Domestic violence");
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
  await late.locator(".controls:not([inert])").waitFor();
  assert.equal(await late.locator("section.salystyr").getAttribute("lang"), "en");
  assert.equal(await late.locator("article.card:visible").count(), 1);
  assert.equal(await root.getAttribute("lang"), "ru");
  assert.deepEqual(problems, []);
  await context.close();
});

test("figures that arrive late show at once; a category switched on fades in", async () => {
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${env.origin}/e2e/host.html`);
  // Another language asked for while the first is loading: its figures arrive later.
  const fading = (root) => root.getAnimations().filter((a) => a.transitionProperty === "opacity").length;
  const frames = await page.evaluate(
    (fading) =>
      new Promise((done) => {
        const el = document.querySelector("salystyr-infographic");
        el.setAttribute("lang", "ru");
        const seen = [];
        const look = () => {
          const root = el.shadowRoot;
          const groups = root?.querySelectorAll("section.group:not([hidden])").length ?? 0;
          if (groups) seen.push({ groups, fading: new Function("root", `return (${fading})(root)`)(root) });
          if (seen.length < 30) requestAnimationFrame(look);
          else done(seen);
        };
        look();
      }),
    fading.toString(),
  );
  assert.deepEqual(frames.filter((f) => f.fading), [], "no group fades in when the figures arrive");
  // Once shown, a category switched off and on again fades in.
  const widget = page.locator("salystyr-infographic");
  await widget.locator("section.salystyr[lang=ru] .controls:not([inert])").waitFor();
  const toggle = widget.locator("button.toggle").first();
  const first = await widget.locator("section.group").first().getAttribute("data-category");
  await toggle.click();
  await widget.locator(`section.group[data-category=${first}]`).waitFor({ state: "hidden" });
  await toggle.click();
  assert.ok(await widget.evaluate((el, f) => new Function("root", `return (${f})(root)`)(el.shadowRoot), fading.toString()) > 0);
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
