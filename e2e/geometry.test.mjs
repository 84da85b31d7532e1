// Honest geometry: what is drawn against the numbers printed beside it. Within every
// figure that compares (a before/after pair, amounts on one scale, a part and its whole)
// the bars must share one baseline and one scale: the rendered width ratio of the fills
// equals the ratio of the printed values within 1 %, every fill starts where its track
// starts, and the tracks of a figure have the same x and width. Measured from rendered
// boxes (getBoundingClientRect) at the designed widths, in each language, with reduced
// motion and after the entry animation, in dark, in print, and in the static render.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { site, salystyrCommand } from "./browser.mjs";

const env = site({ before, after });
const WIDTHS = [280, 320, 400, 700, 1000, 1200];
const LANGS = ["kk", "ru", "en"];

/**
 * Runs in the page: for each comparing figure in `root`, its bars (track box, fill box)
 * and the number printed with each bar, parsed in the figure's language.
 */
function measure(root) {
  const lang = root.querySelector("[lang]")?.getAttribute("lang") ?? "kk";
  const parse = (text) => {
    const m = text.replace(/[\u00a0\u202f ]/g, "").match(/\d[\d.,]*/);
    if (!m) return NaN;
    const s = lang === "en" ? m[0].replace(/,/g, "") : m[0].replace(/\./g, "").replace(",", ".");
    return Number(s);
  };
  const box = (e) => {
    const r = e.getBoundingClientRect();
    return { left: r.left, width: r.width };
  };
  // A track's drawing area: inside its border (print draws one).
  const inner = (e) => {
    const r = e.getBoundingClientRect();
    const border = parseFloat(getComputedStyle(e).borderLeftWidth) || 0;
    return { left: r.left + border, width: r.width - 2 * border };
  };
  const figures = [];
  for (const card of root.querySelectorAll("[data-figure]")) {
    if (!card.getClientRects().length) continue; // a switched-off category
    const bars = [];
    // A before/after pair: the value is the row's own number.
    for (const row of card.querySelectorAll(".row")) {
      bars.push({ track: row.querySelector(".track"), rect: row.querySelector(".fill rect"), text: row.querySelector(".row-value")?.textContent ?? "" });
    }
    // Amounts, and a part and its whole: the number printed under the bar.
    for (const step of card.querySelectorAll(".step")) {
      bars.push({ track: step.querySelector(".track"), rect: step.querySelector(".fill rect"), text: step.querySelector(".num")?.textContent ?? step.querySelector(".step-text")?.textContent ?? "" });
    }
    if (!bars.length) continue;
    figures.push({
      id: card.dataset.figure,
      bars: bars.map((b) => ({ track: inner(b.track), fill: box(b.rect), value: parse(b.text), text: b.text })),
    });
  }
  return figures;
}

/** Asserts the rule on measured figures; returns how many bars were checked. */
function check(figures, where) {
  let bars = 0;
  assert.ok(figures.length >= 10, `${where}: ${figures.length} comparing figures found`);
  for (const f of figures) {
    const at = `${where} ${f.id}`;
    assert.ok(f.bars.length >= 2, `${at}: a comparison has at least two bars`);
    const largest = Math.max(...f.bars.map((b) => b.value));
    const [first] = f.bars;
    for (const [i, b] of f.bars.entries()) {
      assert.ok(Number.isFinite(b.value) && b.value > 0, `${at} bar ${i}: printed value "${b.text}"`);
      assert.ok(Math.abs(b.track.left - first.track.left) < 0.5, `${at} bar ${i}: track starts at ${b.track.left}, first at ${first.track.left}`);
      assert.ok(Math.abs(b.track.width - first.track.width) < 0.5, `${at} bar ${i}: track ${b.track.width} px wide, first ${first.track.width}`);
      assert.ok(Math.abs(b.fill.left - b.track.left) < 0.5, `${at} bar ${i}: fill starts at ${b.fill.left}, its track at ${b.track.left}`);
      // The largest value fills its track; every other in proportion (within 1 %).
      const want = (b.value / largest) * b.track.width;
      assert.ok(
        Math.abs(b.fill.width - want) <= Math.max(want * 0.01, 0.75),
        `${at} bar ${i}: ${b.fill.width.toFixed(1)} px drawn for ${b.value} of ${largest} (${want.toFixed(1)} px)`,
      );
      bars++;
    }
  }
  return bars;
}

async function open(width, options = {}) {
  const context = await env.browser.newContext({ viewport: { width, height: 900 }, ...options });
  const page = await context.newPage();
  await page.goto(`${env.origin}/e2e/host.html`);
  const widget = page.locator("salystyr-infographic");
  await widget.locator("[data-figure]").first().waitFor();
  return { context, page, widget };
}

const setLang = (page, lang) =>
  page.evaluate(async (lang) => {
    const el = document.querySelector("salystyr-infographic");
    el.setAttribute("lang", lang);
    for (let i = 0; i < 100 && el.shadowRoot.querySelector("section")?.lang !== lang; i++) {
      await new Promise((r) => requestAnimationFrame(r));
    }
  }, lang);

const measured = (page) => page.evaluate(`(${measure})(document.querySelector("salystyr-infographic").shadowRoot)`);

test("with reduced motion: one scale per figure at every designed width, in kk, ru and en", async () => {
  let bars = 0;
  for (const width of WIDTHS) {
    const { context, page } = await open(width, { reducedMotion: "reduce" });
    for (const lang of LANGS) {
      await setLang(page, lang);
      bars += check(await measured(page), `${width}px ${lang}`);
    }
    await context.close();
  }
  assert.ok(bars >= WIDTHS.length * LANGS.length * 20, `${bars} bars checked`);
});

test("after the entry animation, and in dark: the bars land on the same scale", async () => {
  for (const [width, scheme] of [[320, "light"], [1000, "dark"], [1200, "light"]]) {
    const { context, page, widget } = await open(width, { colorScheme: scheme });
    await widget.scrollIntoViewIfNeeded();
    // The animation ran and ended: the control offers a replay, and no transition runs.
    await widget.locator("section.is-played").waitFor();
    await page.waitForFunction(
      () => {
        const root = document.querySelector("salystyr-infographic").shadowRoot;
        const control = root.querySelector("button.replay")?.textContent ?? "";
        return !/тоқтату|Stop|Остановить/.test(control) && root.getAnimations().length === 0;
      },
      null,
      { timeout: 5000 },
    );
    for (const lang of LANGS) {
      await setLang(page, lang);
      check(await measured(page), `${width}px ${scheme} ${lang} animated`);
    }
    await context.close();
  }
});

test("printed: the final state on the same scale", async () => {
  const { context, page } = await open(700, { reducedMotion: "reduce" });
  await page.emulateMedia({ media: "print" });
  for (const lang of LANGS) {
    await setLang(page, lang);
    check(await measured(page), `print ${lang}`);
  }
  await context.close();
});

test("the static render (salystyr render), read without any stylesheet", async () => {
  const bin = salystyrCommand();
  const seed = new URL("../data/seed.json", import.meta.url).pathname;
  const context = await env.browser.newContext({ viewport: { width: 400, height: 900 } });
  const page = await context.newPage();
  for (const lang of LANGS) {
    const html = execFileSync(bin, ["render", seed, "--lang", lang], { encoding: "utf8" });
    await page.setContent(`<!doctype html><meta charset=utf-8><body>${html}</body>`);
    check(await page.evaluate(`(${measure})(document.body)`), `static ${lang}`);
  }
  await context.close();
});
