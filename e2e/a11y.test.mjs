// Reader experience and accessibility in each language: axe-core (shadow DOM included)
// in light and dark, a keyboard-only walk, reduced motion, stopping the animation, the
// table view, the CSV and image downloads, and screenshots of each language at 400 and 1000 px (e2e/artifacts/, ignored
// by git, for looking at).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { site } from "./browser.mjs";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const ARTIFACTS = new URL("./artifacts/", import.meta.url).pathname;
const env = site({ before, after });
mkdirSync(ARTIFACTS, { recursive: true });

async function open({ lang = "kk", theme, width = 1000, options = {} } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height: 900 }, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${env.origin}/e2e/host.html`);
  await page.evaluate(
    ({ lang, theme }) => {
      const el = document.querySelector("salystyr-infographic");
      el.setAttribute("lang", lang);
      if (theme) el.setAttribute("theme", theme);
    },
    { lang, theme },
  );
  const widget = page.locator("salystyr-infographic");
  // The live widget in that language (a prerender's controls are inert).
  await widget.locator(`section.salystyr[lang=${lang}] .controls:not([inert])`).waitFor();
  return { page, widget, context, errors };
}

async function axe(page) {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const result = await window.axe.run(document.querySelector("salystyr-infographic"), {
      resultTypes: ["violations"],
    });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  });
}

const TABLE = { kk: "Кесте", ru: "Таблица", en: "Table" };
const VIEW = { kk: "Көрініс", ru: "Вид", en: "View" };
/** The default palettes' background and text, as the reader's system asks. */
const PALETTE = {
  light: { background: "rgb(255, 255, 255)", text: "rgb(27, 27, 31)" },
  dark: { background: "rgb(22, 23, 27)", text: "rgb(236, 236, 241)" },
};
/** The background and text colour of the widget's root region. */
const palette = (widget) =>
  widget.getByRole("region").first().evaluate((s) => {
    const c = getComputedStyle(s);
    return { background: c.backgroundColor, text: c.color };
  });
/** Resolves once the change of murders shows its final value (the animation is over). */
const landed = (widget, lang) =>
  widget
    .locator("[data-figure=women-murder]")
    .getByText({ kk: "-49,3%", ru: "-49,3\u00a0%", en: "-49.3%" }[lang], { exact: true })
    .waitFor({ timeout: 5000 });

for (const lang of ["kk", "ru", "en"]) {
  for (const scheme of ["light", "dark"]) {
    test(`axe finds no violation in ${lang}, ${scheme}`, async () => {
      const { page, widget, context } = await open({ lang, options: { colorScheme: scheme } });
      await widget.scrollIntoViewIfNeeded();
      // With no theme attribute, the palette is the system's.
      assert.deepEqual(await palette(widget), PALETTE[scheme]);
      await landed(widget, lang);
      assert.deepEqual(await axe(page), []);
      // The table view too.
      await widget.getByRole("group", { name: VIEW[lang] }).getByRole("button", { name: TABLE[lang] }).click();
      await widget.getByRole("table").waitFor();
      assert.deepEqual(await axe(page), []);
      await context.close();
    });
  }
}

test("the theme attribute overrides the system scheme", async () => {
  const { page, widget, context } = await open({ lang: "en", theme: "dark", options: { colorScheme: "light" } });
  const bg = await widget.locator("section.salystyr").evaluate((s) => getComputedStyle(s).backgroundColor);
  assert.equal(bg, "rgb(22, 23, 27)");
  await page.evaluate(() => document.querySelector("salystyr-infographic").setAttribute("theme", "light"));
  const light = await widget.locator("section.salystyr").evaluate((s) => getComputedStyle(s).backgroundColor);
  assert.equal(light, "rgb(255, 255, 255)");
  await context.close();
});

test("theme auto (and no theme) follows prefers-color-scheme, also when it changes", async () => {
  const { page, widget, context } = await open({ lang: "en", theme: "auto", options: { colorScheme: "dark" } });
  assert.deepEqual(await palette(widget), PALETTE.dark);
  await page.emulateMedia({ colorScheme: "light" });
  assert.deepEqual(await palette(widget), PALETTE.light);
  await page.emulateMedia({ colorScheme: "dark" });
  assert.deepEqual(await palette(widget), PALETTE.dark);
  await page.evaluate(() => document.querySelector("salystyr-infographic").removeAttribute("theme"));
  assert.deepEqual(await palette(widget), PALETTE.dark);
  await context.close();
});

test("keyboard only: every control is reached by Tab, shows focus, and works with Enter and Space", async () => {
  const { page, widget, context } = await open({ lang: "en" });
  // Once the entry animation is over, its control replays it.
  await widget.locator("button.replay", { hasText: "Replay" }).waitFor();
  await page.focus("#before");
  const seen = [];
  for (let i = 0; i < 16; i++) {
    await page.keyboard.press("Tab");
    const focus = await page.evaluate(() => {
      const el = document.activeElement?.shadowRoot?.activeElement;
      if (!el) return null;
      const s = getComputedStyle(el);
      return { text: el.textContent.trim(), outline: s.outlineStyle, width: s.outlineWidth };
    });
    if (!focus) break;
    seen.push(focus.text);
    assert.equal(focus.outline, "solid", `${focus.text} shows no focus ring`);
    assert.equal(focus.width, "3px");
  }
  assert.deepEqual(seen, [
    "Қазақша",
    "Русский",
    "English",
    "Domestic violence",
    "Women’s rights",
    "Children",
    "Online",
    "The law",
    "Chart",
    "Table",
    "Download data (CSV)",
    "Download image (PNG)",
    "Download image (SVG)",
    "Replay",
  ]);
  // Every button is a Tab stop; arrows are a shortcut within a group. Enter and Space
  // operate them.
  await page.focus("#before");
  await page.keyboard.press("Tab");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  assert.equal(await widget.locator("section.salystyr").getAttribute("lang"), "ru");
  // English, five categories, "Chart", "Table": the view choice is its own group.
  for (let i = 0; i < 8; i++) await page.keyboard.press("Tab");
  await page.keyboard.press("Space");
  await widget.locator("table.figures").waitFor();
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Enter");
  await widget.locator("table.figures").waitFor({ state: "detached" });
  await context.close();
});

test("reduced motion shows the final state at once", async () => {
  const { widget, context } = await open({ lang: "ru", options: { reducedMotion: "reduce" } });
  assert.equal(await widget.locator("[data-figure=women-murder] .big").textContent(), "-49,3\u00a0%");
  const transition = await widget.locator(".fill").first().evaluate((f) => getComputedStyle(f).transitionDuration);
  assert.equal(transition, "0s");
  // Nothing moves, so there is nothing to stop or replay: no such control to see, tab to
  // or hear (it is in the markup, hidden, so that a prerender lays out the same).
  assert.equal(await widget.getByRole("button", { name: /Повторить|Остановить/ }).count(), 0);
  assert.equal(await widget.locator("button.replay").isVisible(), false);
  await context.close();
});

/**
 * The bars as drawn, each against its own track: at the final state each fill spans
 * the width its track gives it (the bars' geometry is tested elsewhere).
 */
const noShortBars = async (widget) => {
  const { bars, short } = await shortBars(widget);
  assert.ok(bars >= 15, `${bars} bars drawn`); // 21 in every category of the default dataset
  assert.deepEqual(short, [], "bars short of their final length");
};
const shortBars = (widget) =>
  widget.evaluate((host) => {
    const fills = [...host.shadowRoot.querySelectorAll("[aria-hidden=true] svg")].filter(
      (f) => f.getClientRects().length && f.querySelector("rect") && !f.querySelector("pattern"),
    );
    const inner = (e) => {
      const c = getComputedStyle(e);
      const edges = ["borderLeftWidth", "borderRightWidth", "paddingLeft", "paddingRight"].map((k) => parseFloat(c[k]));
      return e.getBoundingClientRect().width - edges.reduce((a, b) => a + b, 0);
    };
    const short = fills
      .map((f) => [f.getBoundingClientRect().width, inner(f.parentElement)])
      .filter(([drawn, full]) => Math.abs(drawn - full) > 0.5)
      .map(([drawn, full]) => `${drawn.toFixed(1)} of ${full.toFixed(1)}`);
    return { bars: fills.length, short };
  });

test("the animation control stops the running animation at its final state, and replays it", async () => {
  const { page, widget, context } = await open({ lang: "en" });
  const control = widget.locator("button.replay");
  const big = widget.locator("[data-figure=women-murder] .big");
  await widget.locator("button.replay", { hasText: "Replay" }).waitFor();
  // The control's labels as they change, recorded in the page (no polling to miss one).
  await control.evaluate((b) => {
    window.__labels = [];
    new MutationObserver(() => window.__labels.push(b.textContent)).observe(b, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  const labels = () => page.evaluate(() => window.__labels.join(" > "));
  await control.click();
  // Replayed: running for a second, during which the control stops it. The stop is
  // clicked from the page the moment the label changes, so a slow machine cannot miss it.
  await control.evaluate(
    (b) =>
      new Promise((resolve) => {
        const stopWhenRunning = () =>
          b.textContent === "Stop animation" ? resolve(b.click()) : requestAnimationFrame(stopWhenRunning);
        stopWhenRunning();
      }),
  );
  await widget.locator("section.is-still").waitFor();
  assert.equal(await big.textContent(), "-49.3%");
  await noShortBars(widget);
  assert.equal(await labels(), "Stop animation > Replay");
  assert.equal(await page.evaluate(() => document.activeElement.shadowRoot.activeElement.className), "replay");
  // Replay animates again from the start, and the control returns to "Replay" at the end.
  await control.click();
  await widget.locator("section.salystyr:not(.is-still)").waitFor();
  await page.waitForFunction(() => window.__labels.length === 4, null, { timeout: 5000 });
  assert.equal(await labels(), "Stop animation > Replay > Stop animation > Replay");
  await widget.locator("[data-figure=women-murder] .big", { hasText: "-49.3%" }).waitFor({ timeout: 1000 });
  await context.close();
});

test("counting numbers stay out of the accessibility tree; every card has its full text", async () => {
  const { widget, context } = await open({ lang: "kk" });
  const nums = await widget.locator(".num").evaluateAll((nums) => ({
    count: nums.length,
    exposed: nums.filter((n) => !n.closest('[aria-hidden="true"]') || n.closest("[aria-live]")).map((n) => n.textContent),
  }));
  assert.ok(nums.count >= 16, `${nums.count} counting numbers`);
  assert.deepEqual(nums.exposed, []);
  // What a screen reader gets: the sentence with the final value, never the counter.
  await landed(widget, "kk");
  const tree = await widget.ariaSnapshot();
  assert.match(tree, /Оның ішінде кісі өлтіру: соңғы бес жылда 49,3%-ға төмендеді\./);
  assert.doesNotMatch(tree, /-49,3%|-37,9%|-8,7%/);
  const alts = await widget.locator("article.card > .sr-only").allTextContents();
  assert.equal(alts.length, 16);
  assert.ok(alts.includes("Оның ішінде кісі өлтіру: соңғы бес жылда 49,3%-ға төмендеді."), alts.join("\n"));
  await context.close();
});

test("the table view lists the visible figures with caption, headers, qualifiers and periods", async () => {
  const { widget, context } = await open({ lang: "ru" });
  await widget.locator("button.toggle[data-category=women]").click();
  const views = widget.getByRole("group", { name: "Вид" });
  await views.getByRole("button", { name: "Таблица" }).click();
  assert.equal(await views.getByRole("button", { name: "Таблица" }).getAttribute("aria-pressed"), "true");
  assert.equal(await views.getByRole("button", { name: "Диаграмма" }).getAttribute("aria-pressed"), "false");
  const table = widget.locator("table.figures");
  assert.equal(await table.locator("caption").textContent(), "Бытовое насилие и преступность несовершеннолетних в цифрах");
  assert.deepEqual(await table.locator("thead th").allTextContents(), ["Показатель", "Значение", "Период", "Категория"]);
  const text = await table.textContent();
  assert.match(text, /почти 100\u00a0000/);
  assert.match(text, /более 35\u00a0000/);
  assert.doesNotMatch(text, /Насильственные преступления/, "switched-off categories are not listed");
  await views.getByRole("button", { name: "Диаграмма" }).click();
  await widget.locator("section.group[data-category=children]").waitFor();
  await context.close();
});

test("download data: a CSV of the visible figures, in the reader's language, with a BOM", async () => {
  const { page, widget, context } = await open({ lang: "kk", options: { acceptDownloads: true } });
  await page.evaluate(() => document.querySelector("salystyr-infographic").setAttribute("categories", "online"));
  await widget.locator("section.group[data-category=law]").waitFor({ state: "hidden" });
  const [download] = await Promise.all([page.waitForEvent("download"), widget.locator("button.download").click()]);
  assert.equal(download.suggestedFilename(), "kz-mia-2024-kk.csv");
  const bytes = readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const lines = bytes.toString("utf8").slice(1).split("\r\n");
  assert.equal(lines[0], "Санат,Көрсеткіш,Сипаттама,Мәні,Сан,Өлшем бірлігі,Нақтылау,Кезең");
  assert.equal(lines.length, 1 + 3 + 1 + 1);
  assert.match(lines[1], /^Интернет,Анықталған заңсыз интернет-ресурстар,заңсыз интернет-ресурс анықталды,35\u00a0000-нан астам,35000,,астам,Жыл басынан бері$/);
  // The part keeps its scope; its share, computed from a "more than", is "less than".
  assert.match(lines[2], /,оның ішінде суицид пен зорлық-зомбылықты насихаттайтын сайт,127,127,,,Жыл басынан бері$/);
  assert.match(lines[3], /,Үлесі,әрбір 275-тің бірінен аз,0\.37,%,кем,Жыл басынан бері$/);
  await context.close();
});

test("download image: the visible figures as SVG, and as a PNG at twice its size that decodes", async () => {
  const { page, widget, context } = await open({ lang: "kk", options: { acceptDownloads: true } });
  await page.evaluate(() => document.querySelector("salystyr-infographic").setAttribute("categories", "women"));
  await widget.locator("section.group[data-category=children]").waitFor({ state: "hidden" });
  const get = async (button) => {
    const [download] = await Promise.all([page.waitForEvent("download"), widget.locator(`button.${button}`).click()]);
    return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
  };

  const svg = await get("download-svg");
  assert.equal(svg.name, "kz-mia-2024-kk.svg");
  const text = svg.bytes.toString("utf8");
  const [, width, height] = text.match(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="(\d+)" height="(\d+)"/);
  assert.equal(width, "640");
  const parsed = await page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, "image/svg+xml");
    return {
      error: doc.querySelector("parsererror")?.textContent ?? null,
      lang: doc.documentElement.getAttribute("xml:lang"),
      texts: [...doc.querySelectorAll("text")].map((e) => e.textContent).join("\n"),
    };
  }, text);
  assert.equal(parsed.error, null);
  assert.equal(parsed.lang, "kk");
  // The women's figures in Kazakh with their final values; nothing of the other categories.
  const seed = JSON.parse(readFileSync(new URL("../data/seed.json", import.meta.url), "utf8"));
  for (const f of seed.figures) {
    const first = f.label.kk.split(" ")[0];
    if (f.category === "women") assert.ok(parsed.texts.includes(first), `${f.id}: ${first}`);
  }
  for (const c of seed.categories) {
    assert.equal(parsed.texts.split("\n").includes(c.label.kk), c.id === "women", c.id);
  }
  for (const value of ["-49,3%", "-50%", "-37,9%", "-8,7%"]) assert.ok(parsed.texts.includes(value), value);

  const png = await get("download-png");
  assert.equal(png.name, "kz-mia-2024-kk.png");
  assert.deepEqual([...png.bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10]);
  assert.equal(png.bytes.readUInt32BE(16), 2 * width);
  assert.equal(png.bytes.readUInt32BE(20), 2 * height);
  // Decoded by the browser: the right size, dark text and the red of the changes on white.
  const decoded = await page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const image = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
    const canvas = new OffscreenCanvas(image.width, image.height);
    const ctx = canvas.getContext("2d");
    ctx.drawImage(image, 0, 0);
    const px = ctx.getImageData(0, 0, image.width, image.height).data;
    let white = 0, dark = 0, red = 0;
    for (let i = 0; i < px.length; i += 4) {
      const [r, g, b] = [px[i], px[i + 1], px[i + 2]];
      if (r > 250 && g > 250 && b > 250) white++;
      else if (r < 60 && g < 60 && b < 60) dark++;
      else if (r > 150 && g < 60 && b < 70) red++;
    }
    return { width: image.width, height: image.height, white: white / (px.length / 4), dark, red };
  }, png.bytes.toString("base64"));
  assert.equal(decoded.width, 2 * width);
  assert.equal(decoded.height, 2 * height);
  assert.ok(decoded.white > 0.6, `mostly white page: ${decoded.white}`);
  assert.ok(decoded.dark > 2000 && decoded.red > 2000, JSON.stringify(decoded));
  await context.close();
});

test("print shows the final state in black and white, without controls", async () => {
  const { page, widget, context } = await open({ lang: "en" });
  await page.emulateMedia({ media: "print" });
  assert.equal(await widget.locator(".controls").isVisible(), false);
  assert.equal(await widget.locator(".actions").isVisible(), false);
  // Each figure's full sentence, with final values, takes the counters' place.
  const alt = widget.locator("[data-figure=women-murder] .sr-only");
  assert.equal(await alt.textContent(), "Of which, murders: down 49.3% over the past five years.");
  assert.ok((await alt.boundingBox()).width > 100);
  assert.equal(await widget.locator("[data-figure=women-murder] .big").isVisible(), false);
  // Bars at their final length, in black and white.
  await noShortBars(widget);
  const colour = await widget.locator(".track.after rect").first().evaluate((r) => getComputedStyle(r).fill);
  assert.equal(colour, "rgb(0, 0, 0)");
  await page.pdf?.({ path: `${ARTIFACTS}print-en.pdf` }).catch(() => {});
  await context.close();
});

test("screenshots of each language at 400 and 1000 px", async () => {
  for (const width of [400, 1000]) {
    for (const lang of ["kk", "ru", "en"]) {
      const { page, widget, context, errors } = await open({ lang, width });
      await widget.scrollIntoViewIfNeeded();
      await landed(widget, lang);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      assert.equal(overflow, false, `${lang} at ${width}px scrolls sideways`);
      const buttons = await widget.getByRole("button").evaluateAll((bs) => ({
        count: bs.length,
        small: bs.filter((b) => b.getBoundingClientRect().height < 44 || b.getBoundingClientRect().width < 44).map((b) => b.textContent),
      }));
      assert.ok(buttons.count >= 12, `${buttons.count} buttons`);
      assert.deepEqual(buttons.small, [], "touch targets under 44 px");
      await widget.screenshot({ path: `${ARTIFACTS}${lang}-${width}.png` });
      assert.deepEqual(errors, []);
      await context.close();
    }
  }
});

test("the animation starts once a quarter of the widget is in view, and only once", async () => {
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  // An article with the widget far below the first screen.
  await page.route("**/e2e/far.html", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body style="margin:0">
        <div style="height:2000px"></div>
        <script type="module" src="/dist/salystyr.js"></script>
        <salystyr-infographic lang="en" categories="women"></salystyr-infographic>
        <div style="height:2000px"></div></body></html>`,
    }),
  );
  // Every text the change of murders takes, recorded in the page.
  await page.addInitScript(() => {
    window.__murder = [];
    const attach = () => {
      const root = document.querySelector("salystyr-infographic")?.shadowRoot;
      if (!root) return requestAnimationFrame(attach);
      // The live widget's numbers: a prerender (controls inert) shows final values.
      const read = () => {
        if (!root.querySelector(".controls:not([inert])")) return;
        const text = root.querySelector("[data-figure=women-murder] .num")?.textContent;
        if (text != null && window.__murder.at(-1) !== text) window.__murder.push(text);
      };
      new MutationObserver(read).observe(root, { childList: true, characterData: true, subtree: true });
      read();
    };
    attach();
  });
  await page.goto(`${env.origin}/e2e/far.html`);
  const widget = page.locator("salystyr-infographic");
  await widget.locator(".controls:not([inert])").waitFor({ state: "attached" });
  const { top, height } = await widget.evaluate((e) => {
    const r = e.getBoundingClientRect();
    return { top: r.top + scrollY, height: r.height };
  });
  assert.ok(height > 300 && height < 1800, `widget height ${height}`);
  /** Scrolls so that `share` of the widget shows at the bottom of the viewport; lets the page see it. */
  const show = async (share) => {
    await page.evaluate((y) => scrollTo(0, y), Math.round(top - 900 + share * height));
    await page.evaluate(() => new Promise((r) => {
      let n = 6;
      const go = () => (--n ? requestAnimationFrame(go) : setTimeout(r, 200));
      requestAnimationFrame(go);
    }));
  };
  const murder = () => page.evaluate(() => window.__murder);
  await show(0);
  await show(0.12);
  assert.deepEqual(await murder(), ["0.0%"], "nothing moves while an eighth is in view");
  await show(0.2);
  assert.deepEqual(await murder(), ["0.0%"], "nothing moves while a fifth is in view");
  await show(0.3);
  await page.waitForFunction(() => window.__murder.at(-1) === "-49.3%", null, { timeout: 5000 });
  const counted = await murder();
  assert.ok(counted.length >= 5, counted.join(" > "));
  // Out of view and back: it does not play again.
  await show(-0.5);
  await show(1);
  assert.deepEqual(await murder(), counted);
  assert.deepEqual(errors, []);
  await context.close();
});

test("every figure is in the accessibility tree at load, scrolled to or not, with its final value", async () => {
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  await page.route("**/e2e/below.html", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body>
        <div style="height:3000px">An article far above the widget.</div>
        <script type="module" src="/dist/salystyr.js"></script>
        <salystyr-infographic lang="en"></salystyr-infographic></body></html>`,
    }),
  );
  await page.goto(`${env.origin}/e2e/below.html`);
  const widget = page.locator("salystyr-infographic");
  await widget.locator(".controls:not([inert])").waitFor({ state: "attached" });
  assert.equal(await page.evaluate(() => scrollY), 0, "never scrolled to");
  // What a screen reader is given: Chromium's own accessibility tree, not the DOM.
  const cdp = await context.newCDPSession(page);
  await cdp.send("Accessibility.enable");
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  const names = nodes.filter((n) => !n.ignored).map((n) => n.name?.value ?? "");
  const sentences = await widget.locator("article.card > .sr-only").allTextContents();
  assert.equal(sentences.length, 16);
  const missing = sentences.filter((s) => !names.includes(s));
  assert.deepEqual(missing, [], "figures missing from the accessibility tree");
  assert.ok(names.includes("Of which, murders: down 49.3% over the past five years."));
  assert.ok(names.some((n) => n.startsWith("More than 94,000 events held in educational institutions")));
  await context.close();
});
