// The rule of honest geometry, shared by the tests that measure what is drawn: within
// every figure that compares (a before/after pair, amounts on one scale, a part and its
// whole) the bars share one baseline and one scale.
import assert from "node:assert/strict";

/**
 * Runs in the page: for each comparing figure in `root`, its bars (track box, fill box)
 * and the number printed with each bar, parsed in the figure's language.
 */
export function measure(root) {
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

/**
 * Asserts the rule on measured figures; returns how many bars were checked. `least` is
 * how many comparing figures the widget shows with its categories on (all of them: 10).
 */
export function check(figures, where, least = 10) {
  let bars = 0;
  assert.ok(figures.length >= least, `${where}: ${figures.length} comparing figures found`);
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

/** Measures the widget `host` (a locator) and checks the rule; returns the bars checked. */
export async function honest(host, where, least) {
  const figures = await host.evaluate(new Function("host", `return (${measure})(host.shadowRoot)`));
  return check(figures, where, least);
}
