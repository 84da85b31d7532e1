// The pages of bench/networks.mjs: one article (bench/networks/article.html, the demo's
// article) with the figures of data/seed.json in Kazakh put in after its lead, four ways:
//
//   snippet      the two lines any site pastes: the script tag and the element
//   prerendered  the output of `salystyr embed data/seed.json --lang kk --base /dist`: the
//                element with a declarative shadow root holding the server-rendered
//                widget, and the script tag (made only when that command exists)
//   chartjs      the same figures drawn by Chart.js 4 (the pinned npm package's single UMD
//                file, loaded by a classic script tag as Chart.js' own guide does):
//                bar charts of the changes (index, before = 100, against after), of the
//                reports and the response, and of the parts; counts, the statement and the
//                law as text
//   static       the same figures as plain HTML and CSS, no script: the floor
//
// They are written into bench/networks/out/ (not committed), with chart.umd.js, and
// every file there is precompressed (.br, .gz) as dist/ is, so that the server sends all
// variants alike. `pages()` returns { pages: { name: path }, skipped: { name: why } }.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { precompress } from "../../scripts/precompress.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const HERE = new URL(".", import.meta.url);
export const OUT = fileURLToPath(new URL("out/", HERE));
export const URL_BASE = "/bench/networks/out/";
const CHART_JS = `${ROOT}node_modules/chart.js/dist/chart.umd.js`;
/** The `salystyr` command (a debug build; scripts/bench.sh builds it). */
export const SALYSTYR = process.env.SALYSTYR_BIN ?? `${ROOT}target/debug/salystyr`;

const LANG = "kk";
const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const nf = (value, decimals = 0) =>
  new Intl.NumberFormat(LANG, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
const decimalsOf = (x) => (Number.isInteger(x) ? 0 : String(Math.abs(x)).split(".")[1].length);
const pct = (x) => `${x < 0 ? "-" : "+"}${nf(Math.abs(x), decimalsOf(x))}%`;

// The few interface words the widget adds to the dataset's own texts (src/i18n.rs, kk).
const WORDS = {
  ofWhich: "Оның ішінде",
  before: "Бұрын",
  after: "Кейін",
  noPeriod: "Дереккөзде кезең көрсетілмеген",
  index: "Жолақтар — индекс: бастапқы деңгей = 100. Дереккөз абсолют сандарды емес, тек салыстырмалы өзгерісті келтіреді.",
  source: "Дереккөз",
};

/** The dataset as the charts and the static page use it: per category, its figures with their texts. */
export function figures() {
  const seed = JSON.parse(readFileSync(`${ROOT}data/seed.json`, "utf8"));
  const fallback = JSON.parse(readFileSync(`${ROOT}dist/salystyr-fallback.json`, "utf8"))[LANG];
  const t = (x) => (x ? x[LANG] : "");
  const periods = new Map(seed.periods.map((p) => [p.id, p]));
  const byId = new Map(seed.figures.map((f) => [f.id, f]));
  const groups = seed.categories.map((c) => ({ id: c.id, label: t(c.label), figures: [] }));
  seed.figures.forEach((f, i) => {
    const period = periods.get(f.period);
    const depth = f.of ? (byId.get(f.of)?.of ? 2 : 1) : 0;
    const g = {
      id: f.id,
      kind: f.kind,
      depth,
      label: (depth ? `${WORDS.ofWhich}: ` : "") + t(f.label),
      period: period ? t(period.label) : WORDS.noPeriod,
      note: t(f.note),
      sentence: fallback.figures[i],
    };
    if (f.kind === "change") {
      g.change = f.change;
      g.wording = t(f.wording);
      g.ends = [period?.before ? t(period.before) : WORDS.before, period?.after ? t(period.after) : WORDS.after];
      g.after = 100 + f.change;
    } else if (f.kind === "funnel") {
      g.steps = f.steps.map((s) => ({ value: s.value, label: t(s.label), more: s.qualifier === "more-than", nearly: s.qualifier === "nearly" }));
    } else if (f.kind === "part") {
      g.whole = { value: f.whole.value, label: t(f.whole.label), more: f.whole.qualifier === "more-than" };
      g.part = { value: f.part.value, label: t(f.part.label) };
    } else if (f.kind === "count") {
      g.value = f.value;
      g.more = f.qualifier === "more-than";
    } else if (f.kind === "milestone") {
      g.date = f.date;
      g.points = f.points.map(t);
    }
    groups.find((x) => x.id === f.category).figures.push(g);
  });
  return { title: t(seed.title), source: `${WORDS.source}: ${t(seed.source.text)}`, groups };
}

/** A chart label in lines of at most `width` characters (Chart.js draws arrays as lines). */
const lines = (text, width = 36) => {
  const out = [];
  for (const word of text.split(" ")) {
    if (out.length && (out.at(-1) + " " + word).length <= width) out[out.length - 1] += " " + word;
    else out.push(word);
  }
  return out;
};

const amount = (a) => `${a.nearly ? "≈" : ""}${nf(a.value)}${a.more ? "+" : ""}`;

/** The static floor: every figure as HTML, bars as CSS widths. */
function staticFigure(data) {
  const bar = (fraction, cls = "") => `<span class="track"><span class="bar ${cls}" style="width:${(fraction * 100).toFixed(2)}%"></span></span>`;
  // Counts, the statement and the law are told by their sentence, which holds the label and the note.
  const told = (f) => ["count", "statement", "milestone"].includes(f.kind);
  const card = (f, body) =>
    `<div class="card depth-${f.depth}" data-figure="${esc(f.id)}">${told(f) ? "" : `<h4>${esc(f.label)}</h4>`}<p class="period">${esc(f.period)}</p>${body}${f.note && !told(f) ? `<p class="note">${esc(f.note)}</p>` : ""}</div>`;
  const body = (f) => {
    switch (f.kind) {
      case "change":
        return `<p class="big">${esc(f.wording || pct(f.change))}</p><div class="rows">` +
          `<span>${esc(f.ends[0])}</span>${bar(1, "before")}<span>${nf(100)}</span>` +
          `<span>${esc(f.ends[1])}</span>${bar(f.after / 100)}<span>${f.wording ? "≈" : ""}${nf(f.after, decimalsOf(f.change))}</span></div>` +
          `<p class="small">${esc(WORDS.index)}</p>`;
      case "funnel": {
        const top = f.steps[0].value;
        return `<div class="rows">${f.steps.map((s) => `<span>${amount(s)}</span>${bar(s.value / top)}<span>${esc(s.label)}</span>`).join("")}</div>`;
      }
      case "part":
        return `<div class="rows"><span>${amount(f.whole)}</span>${bar(1)}<span>${esc(f.whole.label)}</span>` +
          `<span>${amount(f.part)}</span>${bar(f.part.value / f.whole.value, "part")}<span>${esc(f.part.label)}</span></div><p>${esc(f.sentence)}</p>`;
      case "count":
        return `<p class="big">${amount(f)}</p><p>${esc(f.sentence)}</p>`;
      default:
        return `<p>${esc(f.sentence)}</p>`;
    }
  };
  return `<section class="figure infographic" aria-labelledby="ig-title">
  <h2 id="ig-title">${esc(data.title)}</h2>
  ${data.groups.map((g) => `<section><h3>${esc(g.label)}</h3>${g.figures.map((f) => card(f, body(f))).join("")}</section>`).join("\n  ")}
  <p class="small">${esc(data.source)}</p>
</section>`;
}

const STATIC_CSS = `<style>
.infographic { font: 16px/1.45 system-ui, sans-serif; border-top: 3px solid #b4232c; padding-top: 12px; }
.infographic h2 { margin: 0 0 12px; font-size: 22px; }
.infographic h3 { margin: 18px 0 6px; font-size: 17px; text-transform: uppercase; letter-spacing: .04em; color: #5f6068; }
.infographic h4 { margin: 0; font-size: 16px; }
.infographic .card { padding: 10px 0; border-bottom: 1px solid #e3e3e8; }
.infographic .depth-1 { margin-left: 20px; } .infographic .depth-2 { margin-left: 40px; }
.infographic p { margin: 4px 0; }
.infographic .period, .infographic .small, .infographic .note { color: #5f6068; font-size: 14px; }
.infographic .big { font-size: 30px; font-weight: 700; color: #b4232c; }
.infographic .rows { display: grid; grid-template-columns: max-content 1fr max-content; gap: 6px 10px; align-items: center; }
.infographic .track { display: block; height: 12px; background: #eeeef2; }
.infographic .bar { display: block; height: 100%; background: #1f4e99; }
.infographic .bar.before { background: #8a8c96; } .infographic .bar.part { background: #b4232c; min-width: 1px; }
</style>`;

/** The Chart.js page's figures: headings and canvases, then the script tag and the drawing code. */
function chartFigure(data) {
  const charts = [];
  const canvas = (id, height, spec) => {
    charts.push({ id, ...spec });
    return `<div class="chart" style="height:${height}px"><canvas id="chart-${esc(id)}" role="img" aria-label="${esc(spec.alt)}"></canvas></div>`;
  };
  const sections = data.groups.map((g) => {
    const parts = [`<h3>${esc(g.label)}</h3>`];
    const changes = g.figures.filter((f) => f.kind === "change");
    for (const f of g.figures) {
      if (f.kind === "funnel") {
        parts.push(`<h4>${esc(f.label)}</h4><p class="period">${esc(f.period)}</p>`,
          canvas(f.id, 240, { type: "amounts", alt: f.sentence, labels: f.steps.map((s) => [amount(s), ...lines(s.label)]), values: f.steps.map((s) => s.value) }),
          `<p class="note">${esc(f.note)}</p>`);
      } else if (f.kind === "part") {
        parts.push(`<h4>${esc(f.label)}</h4><p class="period">${esc(f.period)}</p>`,
          canvas(f.id, 160, { type: "amounts", alt: f.sentence, labels: [[amount(f.whole), ...lines(f.whole.label)], [amount(f.part), ...lines(f.part.label)]], values: [f.whole.value, f.part.value] }),
          `<p>${esc(f.sentence)}</p>`);
      } else if (f.kind === "count") {
        parts.push(`<p class="big">${amount(f)}</p><p>${esc(f.sentence)}</p>`);
      } else if (f.kind === "change" && f === changes[0]) {
        // The changes of a category in one chart: before (= 100) against after, per figure.
        parts.push(`<p class="period">${esc(f.period)}</p>`,
          canvas(`${g.id}-changes`, 70 + 70 * changes.length, {
            type: "changes",
            alt: changes.map((c) => c.sentence).join(" "),
            labels: changes.map((c) => [...lines(c.label), c.wording || pct(c.change)]),
            ends: f.ends,
            values: changes.map((c) => Math.round(c.after * 10) / 10),
          }),
          `<p class="note">${esc(WORDS.index)}</p>`,
          ...changes.filter((c) => c.note).map((c) => `<p class="note">${esc(c.note)}</p>`));
      } else if (f.kind !== "change") {
        parts.push(`<p>${esc(f.sentence)}</p>`);
      }
    }
    return `<section>${parts.join("")}</section>`;
  });
  const code = `
(() => {
  const charts = ${JSON.stringify(charts.map(({ alt, ...c }) => c))};
  // Kazakh groups thousands with a no-break space (the browser's Intl may lack kk data).
  const nf = { format: (v) => String(v).replace(".", ",").replace(/\\B(?=(\\d{3})+(?!\\d))/g, "\\u00a0") };
  const blue = "#1f4e99", grey = "#8a8c96";
  Chart.defaults.font.family = "system-ui, sans-serif";
  for (const c of charts) {
    const changes = c.type === "changes";
    new Chart(document.getElementById("chart-" + c.id), {
      type: "bar",
      data: {
        labels: c.labels,
        datasets: changes
          ? [{ label: c.ends[0], data: c.values.map(() => 100), backgroundColor: grey },
             { label: c.ends[1], data: c.values, backgroundColor: blue }]
          : [{ data: c.values, backgroundColor: blue }],
      },
      options: {
        indexAxis: "y",
        maintainAspectRatio: false,
        locale: "kk",
        plugins: {
          legend: { display: changes, position: "top" },
          tooltip: { callbacks: { label: (x) => (x.dataset.label ? x.dataset.label + ": " : "") + nf.format(x.parsed.x) } },
        },
        scales: { x: { beginAtZero: true, ticks: { callback: (v) => nf.format(v) } } },
      },
    });
  }
})();`;
  return `<section class="figure infographic" aria-labelledby="ig-title">
  <h2 id="ig-title">${esc(data.title)}</h2>
  ${sections.join("\n  ")}
  <p class="small">${esc(data.source)}</p>
</section>
<script src="${URL_BASE}chart.umd.js"></script>
<script>${code}
</script>`;
}

const CHART_CSS = STATIC_CSS.replace("</style>", ".infographic .chart { position: relative; margin: 8px 0; }\n</style>");

/** The prerendered snippet: `salystyr embed`'s output, or why there is none. */
export function prerendered(...more) {
  try {
    const html = execFileSync(SALYSTYR, ["embed", "data/seed.json", "--lang", LANG, "--base", "/dist", ...more], {
      cwd: ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 30_000,
    });
    if (!html.includes("shadowrootmode")) return { why: "`salystyr embed` printed no declarative shadow root" };
    return { html: html.trim() };
  } catch (error) {
    const first = `${error.stderr ?? error.message}`.trim().split("\n")[0];
    return { why: `\`salystyr embed\` is not available yet (${existsSync(SALYSTYR) ? `exit ${error.status}: ${first}` : `no ${SALYSTYR}`})` };
  }
}

export function pages() {
  // The demo's own stylesheet, inlined: one file per page, as the static floor is.
  const css = readFileSync(new URL("../../static/demo/article.css", HERE), "utf8").trimEnd();
  const article = readFileSync(new URL("article.html", HERE), "utf8").replace("{{ARTICLE_CSS}}", css);
  const page = (head, figure) => article.replace("{{HEAD}}", head).replace("{{FIGURE}}", figure);
  const data = figures();
  const out = {
    snippet: page("", `<script type="module" src="/dist/salystyr.js"></script>\n      <salystyr-infographic lang="kk"></salystyr-infographic>`),
    chartjs: page(CHART_CSS, chartFigure(data)),
    static: page(STATIC_CSS, staticFigure(data)),
  };
  const skipped = {};
  const pre = prerendered();
  if (pre.html) out.prerendered = page("", pre.html);
  else skipped.prerendered = pre.why;
  const linked = prerendered("--style", "link");
  if (linked.html) out.linked = page("", linked.html);
  else skipped.linked = linked.why;

  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  copyFileSync(CHART_JS, `${OUT}chart.umd.js`);
  const paths = {};
  for (const [name, html] of Object.entries(out)) {
    writeFileSync(`${OUT}${name}.html`, html);
    paths[name] = `${URL_BASE}${name}.html`;
  }
  precompress([OUT]);
  return { pages: paths, skipped };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { pages: p, skipped } = pages();
  console.log(p, skipped);
}
