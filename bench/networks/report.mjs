// The networks section of BENCHMARKS.md (bench/networks.mjs): the targets of issue 12,
// item 5 with their verdicts, the medians and ratios per profile, tachometer's and
// Lighthouse's tables, and how it is measured. The section sits between two markers, so
// that `node bench/networks.mjs` alone can rewrite it and leave the rest of the file.
import { readFileSync, writeFileSync } from "node:fs";

export const START = "<!-- networks: start (bench/networks.mjs rewrites this section) -->";
export const END = "<!-- networks: end -->";
const FILE = new URL("../../BENCHMARKS.md", import.meta.url);

const ms = (x) => (x == null || Number.isNaN(x) ? "n/a" : `${x >= 100 ? Math.round(x) : x.toFixed(1)} ms`);
const times = (x) => (x == null || !Number.isFinite(x) ? "n/a" : `${x.toFixed(2)}×`);
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const clsText = (x) => (x == null || Number.isNaN(x) ? "n/a" : x === 0 ? "0" : x >= 0.001 ? x.toFixed(3) : x.toPrecision(2));

const LABEL = {
  snippet: "two-line snippet",
  prerendered: "prerendered snippet",
  linked: "prerendered, linked style",
  chartjs: "Chart.js page",
  static: "static floor",
};

/** The targets, each judged per profile where it applies. */
function targets(r) {
  const rows = [];
  const get = (p, v) => p.variants[v];
  const skipped = (v) => r.skipped[v];
  const ratio = (text, v, of, limit, profiles = r.profiles) => {
    for (const p of profiles) {
      if (skipped(v) || skipped(of)) {
        rows.push({ text, profile: p.label, result: "not measured", verdict: `➖ ${skipped(v) ?? skipped(of)}` });
        continue;
      }
      const a = get(p, v).figure.median;
      const b = get(p, of).figure.median;
      const x = a / b;
      const goal = limit * b;
      if (!Number.isFinite(x)) {
        rows.push({ text, profile: p.label, result: "n/a", verdict: "➖ not measured (no figure shown; see below)" });
        continue;
      }
      rows.push({
        text,
        profile: p.label,
        result: `${ms(a)} / ${ms(b)} = **${times(x)}**`,
        verdict: x <= limit ? `✅ met by ${times(limit - x)} (${ms(goal - a)} to spare)` : `❌ missed by ${times(x - limit)}: ${ms(a - goal)} over ${ms(goal)}`,
      });
    }
  };
  ratio("prerendered first figure ≤ 0.5× the Chart.js page's", "prerendered", "chartjs", 0.5);
  ratio("prerendered first figure ≤ 1.5× the static floor's", "prerendered", "static", 1.5);
  if (skipped("prerendered")) {
    rows.push({ text: "prerendered: CLS 0 through mount", profile: "all", result: "not measured", verdict: `➖ ${skipped("prerendered")}` });
    rows.push({ text: "prerendered: no long task before the first interaction", profile: "all", result: "not measured", verdict: `➖ ${skipped("prerendered")}` });
  } else {
    const pre = r.profiles.map((p) => get(p, "prerendered"));
    const worst = Math.max(...pre.map((v) => v.cls.max));
    const loads = pre.reduce((t, v) => t + v.runs.length, 0);
    const hid = pre.reduce((t, v) => t + v.hidden.loads, 0);
    const hidMs = Math.max(...pre.map((v) => v.hidden.ms.median).filter(Number.isFinite), 0);
    rows.push({
      text: "prerendered: CLS 0 through mount",
      profile: "all",
      result:
        `largest CLS of ${loads} loads: ${clsText(worst)}` +
        (hid ? `; besides, the prerendered figure vanished again before mount in ${hid} of ${loads} loads (up to ${ms(hidMs)}, median per profile), which CLS does not count while what it would move is out of view` : ""),
      verdict: worst === 0 ? "✅ met" : `❌ missed: ${clsText(worst)} (${pre.reduce((t, v) => t + v.runs.filter((x) => x.cls > 0).length, 0)} of ${loads} loads shifted)`,
    });
    const withLong = pre.reduce((t, v) => t + v.longBefore.loads, 0);
    const longest = Math.max(...pre.map((v) => v.longBefore.longest));
    rows.push({
      text: "prerendered: no long task before the first interaction",
      profile: "all",
      result: `${pre.reduce((t, v) => t + v.longBefore.count, 0)} long tasks in ${withLong} of ${loads} loads; longest ${ms(longest)}`,
      verdict: withLong === 0 ? "✅ met" : `❌ missed: longest ${ms(longest)} (${ms(longest - 50)} over the 50 ms threshold)`,
    });
  }
  ratio("two-line snippet first figure ≤ 1.0× the Chart.js page's", "snippet", "chartjs", 1.0);
  const fourG = r.profiles.find((p) => p.id === "4g");
  for (const v of ["snippet", "prerendered"]) {
    const text = `${LABEL[v]}: interactive ≤ 1.2× the Chart.js page's first figure`;
    if (!fourG) continue;
    if (skipped(v)) {
      rows.push({ text, profile: fourG.label, result: "not measured", verdict: `➖ ${skipped(v)}` });
      continue;
    }
    const a = get(fourG, v).interactive.median;
    const b = get(fourG, "chartjs").figure.median;
    const x = a / b;
    rows.push({
      text,
      profile: fourG.label,
      result: `${ms(a)} / ${ms(b)} = **${times(x)}**`,
      verdict: x <= 1.2 ? `✅ met by ${times(1.2 - x)} (${ms(1.2 * b - a)} to spare)` : `❌ missed by ${times(x - 1.2)}: ${ms(a - 1.2 * b)} over ${ms(1.2 * b)}`,
    });
  }
  return rows;
}

const table = (head, rows) =>
  [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");

/** The issue's table: first figure per profile and variant, with the ratios. */
function overview(r) {
  const ids = r.variants.map((v) => v.id);
  return table(
    ["profile", ...ids.map((id) => LABEL[id])],
    r.profiles.map((p) => [
      p.label,
      ...ids.map((id) => {
        const f = p.variants[id].figure.median;
        const vs = [];
        if (id === "snippet" || id === "prerendered") vs.push(`${times(f / p.variants.chartjs.figure.median)} Chart.js`);
        if (id === "prerendered") vs.push(`${times(f / p.variants.static.figure.median)} static`);
        return `**${ms(f)}**${vs.length ? ` (${vs.join(", ")})` : ""}`;
      }),
    ]),
  );
}

/** Every measure, per profile and variant. */
function details(r) {
  const rows = [];
  for (const p of r.profiles) {
    for (const v of r.variants) {
      const s = p.variants[v.id];
      const missing = [
        s.missing.figure ? `figure never shown in ${s.missing.figure} loads` : "",
        v.id !== "static" && s.missing.interactive ? `controls never answered in ${s.missing.interactive} loads` : "",
        s.gaveUp ? `given up after ${s.runs.length} loads` : "",
        s.hidden.loads ? `**the figure vanished again before mount in ${s.hidden.loads} of ${s.runs.length} loads, for ${ms(s.hidden.ms.median)} (median)**` : "",
        s.moved.length ? `moved: ${s.moved.map((m) => `${m.key} ×${m.times}`).join("; ")}` : "",
      ].filter(Boolean);
      rows.push([
        p.label,
        LABEL[v.id],
        `**${ms(s.figure.median)}** (${ms(s.figure.p10)}–${ms(s.figure.p90)})`,
        v.id === "static" ? "no controls" : `${ms(s.interactive.median)} (${ms(s.interactive.p10)}–${ms(s.interactive.p90)}); ${Math.round(s.clicks.median)} clicks`,
        `${clsText(s.cls.median)} (max ${clsText(s.cls.max)})`,
        s.longBefore.count ? `${s.longBefore.count} in ${s.longBefore.loads} loads, longest ${ms(s.longBefore.longest)}` : "none",
        ms(s.fcp.median),
        `${kib(s.bytes.median)} in ${s.requests.median}`,
        [...missing, ...s.errors.map((e) => `error: ${e.slice(0, 100)}`)].join("; "),
      ]);
    }
  }
  return table(
    ["profile", "variant", "first figure, median (p10–p90)", "interactive: controls respond", "CLS, median (max)", "long tasks ≥ 50 ms before the controls respond", "FCP", "transferred (requests)", "notes"],
    rows,
  );
}

function tachometerText(t) {
  if (!t || t.skipped) return `Not run: ${t?.skipped ?? "no result"}.`;
  const ids = t.rows.map((x) => x.id);
  const ci = (x) => `${ms(x.low)} – ${ms(x.high)}`;
  const pct = (x) => `${x.low >= 0 ? "+" : ""}${x.low.toFixed(0)} % – ${x.high >= 0 ? "+" : ""}${x.high.toFixed(0)} %`;
  return [
    `Loopback, ${t.samples} samples per page, round-robin; 95 % confidence intervals of the mean first figure, and of each difference (row − column; "faster" where the whole interval is below 0).`,
    "",
    table(
      ["page", "mean first figure (95 % CI)", ...ids.map((id) => `vs ${LABEL[id]}`)],
      t.rows.map((row) => [
        LABEL[row.id],
        ci(row.mean),
        ...ids.map((id) => {
          const d = row.vs[id];
          if (!d) return "";
          const verdict = d.ms.high < 0 ? "faster" : d.ms.low > 0 ? "slower" : "unsure";
          return `${verdict}: ${ci(d.ms)} (${pct(d.percent)})`;
        }),
      ]),
    ),
  ].join("\n");
}

function lighthouseText(l) {
  if (!l || l.skipped) return `Not run: ${l?.skipped ?? "no result"}.`;
  const warnings = [...new Set(l.rows.flatMap((r) => r.warnings))];
  const failed = [...new Set(l.rows.flatMap((r) => r.failed))];
  const why = [...new Set(l.rows.flatMap((r) => r.why))];
  return [
    `Lighthouse ${l.version}, ${l.profile} (devtools throttling, no CPU slowdown), desktop 1000×800, ${l.runs} run${l.runs > 1 ? "s (median)" : ""} per page.`,
    "",
    table(
      ["page", "LCP", "CLS", "TBT", "FCP", "TTI"],
      l.rows.map((r) => [LABEL[r.id], `**${ms(r.lcp)}**`, `**${clsText(r.cls)}**`, `**${ms(r.tbt)}**`, ms(r.fcp), ms(r.tti)]),
    ),
    ...(warnings.length ? ["", `Lighthouse warned: ${warnings.join("; ")}`] : []),
    ...(failed.length ? ["", `Audits this Lighthouse could not compute with this Chromium (the metrics above are not among them): ${failed.join(", ")}: ${why.join("; ")}.`] : []),
  ].join("\n");
}

export const NETWORKS_METHOD = `
### How it is measured

\`bench/networks.mjs\` (part of \`scripts/bench.sh\`; alone: \`node bench/networks.mjs\`, which
rewrites only this section). Settings: \`BENCH_NET_LOADS\` (7), \`BENCH_NET_SETTLE\` (2000 ms),
\`BENCH_TACH_SAMPLES\` (10; 0 skips tachometer), \`BENCH_LH_RUNS\` (1; 0 skips Lighthouse).

- **Pages** (\`bench/networks/pages.mjs\`, written to \`bench/networks/out/\`): the demo's article
  (\`bench/networks/article.html\`, its stylesheet inlined) with the figures of
  \`data/seed.json\` in Kazakh right under the byline, four ways. *Two-line snippet*: the
  script tag and the element. *Prerendered snippet*: the output of
  \`target/debug/salystyr embed data/seed.json --lang kk --base /dist\` (the element with a
  declarative shadow root holding the server-rendered widget and its styles, and the
  script tag); skipped, and said so, while that command does not exist. *Chart.js page*:
  Chart.js 4 (the pinned npm package's \`chart.umd.js\`, one classic script tag after the
  figures, then an inline script, as Chart.js' guide shows): horizontal bar charts of the
  reports and the response, of the two parts, and of each category's changes (index,
  before = 100, against after, with a legend), the counts, the statement and the law as
  text; fixed chart heights (\`maintainAspectRatio: false\`), so nothing moves when they
  draw; default animations. *Static floor*: the same figures as HTML and CSS bars, no
  script. Every file (pages, \`chart.umd.js\`, \`dist/\`) is precompressed (\`.br\` q11, \`.gz\`
  -9, \`scripts/precompress.mjs\`) and \`scripts/serve.mjs\` sends the \`.br\` body as it is.
- **Loads**: for each profile, \`BENCH_NET_LOADS\` rounds of the variants in turn (A B C D A B C D …),
  each load in a new browser context (empty HTTP cache, new connections); the network is
  emulated with CDP \`Network.emulateNetworkConditions\` (latency = the RTT, per request;
  throughput in bytes/s both ways; loopback: none); no CPU slowdown; viewport 1000×800.
- **First figure** (\`bench/networks/probe.js\`, injected before any page script): a
  requestAnimationFrame loop; in each frame's callback, if a \`[data-figure]\` element (in
  the document or in the widget's shadow root) is laid out with a size and reaches into
  the viewport, that frame shows it, and the time is taken when the frame is over (a
  MessageChannel message posted from the callback runs after the frame's style, layout
  and paint). For Chart.js, whose charts are canvases, the probe registers a plugin as
  the UMD file defines \`Chart\`; its \`afterDraw\` marks the first draw, and the time is
  the end of the frame that shows it. The same probe times every variant, the static
  floor included; each page's first-contentful-paint is listed beside it (it is later
  than the probe by raster and compositing, and for pages with text above the figure it
  is that text).
- **Interactive**: every 16 ms the probe clicks a control if the page has one yet, and
  notes when the page first answers: for the widget, the toggle of its last category
  (\`button[data-category]\`; a prerendered one is there at once, but answers only once the
  app runs) and its \`aria-pressed\` flipping, undone in the same microtask checkpoint so no
  frame shows it; for Chart.js, a synthetic click on the first legend item of the first
  chart with a legend (at its hit box) and the dataset's visibility changing, undone
  likewise. The static floor has no controls.
- **CLS**: \`PerformanceObserver\` \`layout-shift\` (\`buffered: true\`), from navigation until
  \`BENCH_NET_SETTLE\` ms after the later of first figure and interactive (mount), largest session window
  (gaps < 1 s, ≤ 5 s), as the metric defines it; *moved* names the shifts' sources (tag
  and class, "(gone)" once removed; "pushed out of view" when the visible part after is
  empty). CLS counts only what moves inside the viewport, so the probe also checks every
  frame until the controls answer whether a figure once shown is gone again (a
  prerendered widget emptied before its app mounts) and for how long. **Long tasks**: \`longtask\` entries that
  began before the controls first answered (the static floor: during the whole load).
  **Transferred**: the navigation's and resources' \`transferSize\` (compressed bodies and
  headers).
- **Ratios** are of medians measured in this one run; the targets are the issue's.
- **tachometer** (\`bench/networks/tachometer.mjs\`): the loopback first figure of the same
  pages side by side, with confidence intervals. It drives Chromium by WebDriver (Debian's
  \`/usr/bin/chromedriver\`, the same version as its Chromium), where nothing can be injected,
  so it loads copies of the pages with the probe inlined first (\`*.tach.html\`) and reads
  \`window.__net.figure\`; files are served \`no-store\`, each sample in a new tab.
  Tachometer's own on-demand install of the npm \`chromedriver\` would download a driver,
  which cannot work offline; \`bench/chromedriver/\` is a local stand-in package that points
  it at the system's driver.
- **Lighthouse** (\`bench/networks/lighthouse.mjs\`, 12.2.3 pinned: 13 needs Node 22): each
  page once (\`BENCH_LH_RUNS\`) on 4G, devtools throttling (the same CDP emulation), desktop
  1000×800, the system's Chromium; LCP, CLS and TBT as Lighthouse computes them. On these
  pages LCP is the article's own text (its heading or lead, painted at FCP), not the
  figures: a canvas is never an LCP candidate, and every figure's text block is smaller
  than the lead paragraph; the probe's first figure is the measure that compares them.
  With Chromium 156, Lighthouse 12.2.3 cannot name the LCP element (its trace-elements
  gatherer fails, listed under the table); the metrics come from the trace's own events.
`;

/** The whole section, markers included. */
export function networksMarkdown(r, env) {
  const skipped = Object.entries(r.skipped).map(([id, why]) => `- **${LABEL[id]}: not measured.** ${why}.`);
  const t = targets(r);
  return [
    START,
    "## First figure on real networks, beside Chart.js and a static floor",
    "",
    ...(env ? [`${env}`, ""] : []),
    `One run, interleaved, ${r.settings.loads} loads per variant and profile, each in a new browser context (cold cache), every file brotli-compressed ahead of time; the ${r.profiles.reduce((t, p) => t + Object.values(p.variants).reduce((u, v) => u + v.runs.length, 0), 0)} loads took ${r.took} s.`,
    ...(skipped.length ? ["", ...skipped] : []),
    "",
    "### Targets",
    "",
    table(["Target", "Profile", "Result", "Verdict"], t.map((x) => [x.text, x.profile, x.result, x.verdict])),
    "",
    "### First figure (median), and its ratios",
    "",
    overview(r),
    "",
    "### Every measure",
    "",
    details(r),
    "",
    "### tachometer",
    "",
    tachometerText(r.tachometer),
    "",
    "### Lighthouse",
    "",
    lighthouseText(r.lighthouse),
    NETWORKS_METHOD,
    END,
  ].join("\n");
}

/** Replaces the networks section of BENCHMARKS.md (appends it when there is none). */
export function replaceNetworksSection(section) {
  let text = "";
  try {
    text = readFileSync(FILE, "utf8");
  } catch {}
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  const next = a >= 0 && b > a ? text.slice(0, a) + section + text.slice(b + END.length) : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(FILE, next);
}
