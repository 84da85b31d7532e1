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
import { measure, check } from "./geometry.mjs";

const env = site({ before, after });
const WIDTHS = [280, 320, 400, 700, 1000, 1200];
const LANGS = ["kk", "ru", "en"];

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
