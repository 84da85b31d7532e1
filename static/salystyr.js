// <salystyr-infographic>: the embed's custom element. Contract: README.md, "Embedding".
//
// It compiles the wasm once for every element on the page and mounts one app per element
// inside an open shadow root. Attributes (`lang`, `categories`, `src`) and the `data`
// property go in; the reader's choices come back out as the `lang` and `categories`
// attributes and one `salystyr-change` event.
//
// Figures show before the wasm has arrived: a prerender pasted with the element
// (`salystyr embed`: a declarative shadow root), or, for the built-in dataset, the
// bundle's file of the reader's language (salystyr-kk.html: the dataset's JSON and its
// prerender), fetched beside the wasm. The live widget renders off-screen and takes the
// prerender's place in one frame, so there is no blank frame and nothing moves. Where
// WebAssembly cannot run, the prerender stays, controls inert. Downloads come from a
// second wasm (salystyr_export.js), loaded when a reader first asks for a file.
//
// scripts/bundle.mjs folds wasm-bindgen's glue into this file in place of the import.
import init, { Instance } from "./salystyr_core.js";

const TAG = "salystyr-infographic";
const EVENT = "salystyr-change";
const TIMEOUT_MS = 10000;
const LANGS = ["kk", "ru", "en"];
const here = (file) => new URL(file, import.meta.url);
const sheet = (css) => {
  const s = new CSSStyleSheet();
  s.replaceSync(css);
  return s;
};
// Until there is something to show: room reserved (tunable), and the element's own
// children (a static fallback an editor pasted in) stay visible through the slot.
const waiting = sheet(
  ":host{display:block;min-height:var(--salystyr-reserve,480px)}" +
    "section{font:16px/1.5 system-ui,sans-serif;padding:20px;border-top:3px solid #b4232c}" +
    "li{margin:6px 0}small{color:#555}",
);

// The bundle's files, each fetched once for the whole page, when first needed; the
// stylesheet and a prerender travel in parallel with the wasm.
const files = {};
const fetched = (file) =>
  (files[file] ??= fetch(here(file)).then((r) => (r.ok ? r.text() : Promise.reject(r.status))));
let css, ready, exporter;
const styles = () => (css ??= fetched("salystyr.css").then(sheet));
// The built-in dataset: its JSON, and its prerender's markup.
const builtin = (lang) =>
  fetched(`salystyr-${lang}.html`).then((text) => {
    const [, data, html] = text.match(/^<script type="application\/json">(.*?)<\/script>(.*)$/s);
    return { data, html };
  });
const downloads = () =>
  (exporter ??= import(here("salystyr_export.js")).then(async (m) => {
    await m.default({ module_or_path: here("salystyr_export_bg.wasm") });
    return m;
  }));
const TYPES = { csv: "text/csv;charset=utf-8", svg: "image/svg+xml", png: "image/png" };
const boot = () =>
  (ready ??= Promise.all([init({ module_or_path: here("salystyr_core_bg.wasm") }), styles()]).then(
    ([, sheet]) => sheet,
    (error) => {
      const csp = /content.security.policy|wasm-unsafe-eval/i.test(error?.message);
      console.error(
        csp
          ? "salystyr: this page's Content-Security-Policy blocks WebAssembly: add 'wasm-unsafe-eval' to script-src. Showing the figures without the controls."
          : "salystyr: could not start; showing the figures without the controls.",
        error,
      );
      throw error;
    },
  ));

const el = (name, text) => {
  const e = document.createElement(name);
  if (text != null) e.textContent = text;
  return e;
};
const primary = (tag) => (tag || "").trim().split(/[-_]/)[0].toLowerCase();
const ids = (list) => (list || "").split(/[\s,]+/).filter(Boolean);

// A file the reader asked for, offered as a download. A PNG comes as our SVG picture
// (rect, circle and text marks only), painted here on a canvas that is never in the
// page: painting marks needs no img-src permission and leaves the canvas untainted, so
// it works under a strict CSP. Twice the picture's size for sharp text, less for a
// picture taller than a canvas can be (32 767 px).
function save(name, type, body) {
  let url;
  if (type === "image/png") {
    const svg = new DOMParser().parseFromString(body, "image/svg+xml").documentElement;
    const at = (e, name) => e.getAttribute(name);
    const [w, h] = [+at(svg, "width"), +at(svg, "height")];
    const scale = Math.min(2, 32767 / Math.max(h, 1));
    const canvas = el("canvas");
    canvas.width = Math.round(w * scale);
    canvas.height = Math.round(h * scale);
    const g = canvas.getContext("2d");
    g.scale(scale, scale);
    for (const e of svg.children) {
      const n = (name) => +at(e, name) || 0;
      g.fillStyle = at(e, "fill") ?? "#000";
      if (e.localName === "rect") g.fillRect(n("x"), n("y"), n("width"), n("height"));
      if (e.localName === "circle") {
        g.beginPath();
        g.arc(n("cx"), n("cy"), n("r"), 0, 7);
        g.fill();
      }
      if (e.localName === "text") {
        g.font = `${at(e, "font-weight") ?? 400} ${n("font-size")}px ${at(svg, "font-family")}`;
        g.textAlign = at(e, "text-anchor") === "end" ? "end" : "start";
        g.fillText(e.textContent, n("x"), n("y"));
      }
    }
    url = canvas.toDataURL();
  } else {
    url = URL.createObjectURL(new Blob([body], { type }));
  }
  const link = el("a");
  link.href = url;
  link.download = name;
  link.click();
  if (url.startsWith("blob:")) URL.revokeObjectURL(url);
}

// Elements mount one per task, so that a page with many of them stays responsive
// (no single long task); `scheduler.postTask` where there is one, else a timeout.
const queue = [];
const next = () => (globalThis.scheduler?.postTask ? scheduler.postTask(drain) : setTimeout(drain));
function drain() {
  queue.shift()?.();
  if (queue.length) next();
}
const later = (job) => queue.push(job) === 1 && next();

class SalystyrInfographic extends HTMLElement {
  static observedAttributes = ["lang", "categories", "src"];
  #app = null;
  #request = 0;
  #fetching = null; // the AbortController of the `src` request in flight
  #data; // the `data` property: a dataset (object or JSON text), or undefined
  #reflecting = false; // setting our own attributes from the reader's choice
  #early = null; // the built-in prerender on its way
  #text = null; // the dataset's JSON the live widget shows, for the downloads

  /** A dataset object (or its JSON text) to show instead of `src` or inline JSON. */
  get data() {
    return this.#data ?? null;
  }
  set data(value) {
    this.#data = value ?? undefined;
    if (this.#app) this.#load(true);
  }

  connectedCallback() {
    // A `data` given before this script defined the element is an own property that
    // hides the accessor: hand it over.
    if (Object.hasOwn(this, "data")) {
      const value = this.data;
      delete this.data;
      this.data = value;
    }
    let shadow = this.shadowRoot;
    if (!shadow) {
      shadow = this.attachShadow({ mode: "open" });
      // A prerender inserted by script (innerHTML) keeps its declarative shadow root as
      // an inert <template>: attach it here.
      const template = this.querySelector(":scope > template[shadowrootmode]");
      if (template) {
        shadow.append(template.content);
        template.remove();
      }
    }
    if (!this.#app && !this.#prerendered()) {
      shadow.adoptedStyleSheets = [waiting];
      shadow.replaceChildren(el("slot"));
      if (this.#builtin() && ![...this.children].some((c) => c.localName !== "script")) {
        this.#early = this.#prerender();
      }
    }
    // The built-in dataset's file brings its data too: the live widget mounts once it is
    // here (shown, or failed), never into a "loading" that its prerender would not show.
    boot().then(
      (sheet) => Promise.resolve(this.#early).then(() => later(() => this.#mount(sheet))),
      () => this.#fallback(),
    );
  }

  disconnectedCallback() {
    this.#fetching?.abort();
    this.#app?.destroy();
    this.#app = null;
    this.#request++;
  }

  attributeChangedCallback(name) {
    if (!this.#app || this.#reflecting) return;
    if (name === "src") this.#load(true);
    else this.#app.update(this.getAttribute("lang"), this.getAttribute("categories"));
  }

  #prerendered() {
    return !!this.shadowRoot?.querySelector(".frame");
  }

  #inline() {
    return this.querySelector(':scope > script[type="application/json"]')?.textContent ?? null;
  }

  #builtin() {
    return this.#data === undefined && !this.hasAttribute("src") && this.#inline() == null;
  }

  #lang() {
    return [this.getAttribute("lang"), document.documentElement.lang].map(primary).find((l) => LANGS.includes(l)) ?? "kk";
  }

  // The built-in dataset's prerender in the reader's language, with the categories the
  // element asks for, shown while the wasm loads. Resolves to whether it is shown.
  async #prerender() {
    let html, sheet;
    try {
      [{ html }, sheet] = await Promise.all([builtin(this.#lang()), styles()]);
    } catch {
      return false;
    }
    // One element per task, in the mounting queue: fifty prerenders at once would be one
    // long task.
    await new Promise((resolve) => later(resolve));
    if (this.#app || !this.isConnected || this.#prerendered() || !this.#builtin()) return false;
    const box = document.createElement("template");
    try {
      box.innerHTML = html; // the bundle's own file (a Trusted Types policy may refuse it)
    } catch {
      return false;
    }
    const asked = ids(this.getAttribute("categories"));
    const groups = [...box.content.querySelectorAll("section.group")];
    const known = asked.filter((id) => groups.some((g) => g.dataset.category === id));
    if (known.length) {
      for (const g of groups) g.hidden = !known.includes(g.dataset.category);
      for (const b of box.content.querySelectorAll("button.toggle")) {
        b.setAttribute("aria-pressed", known.includes(b.dataset.category));
      }
    }
    this.shadowRoot.adoptedStyleSheets = [sheet];
    this.shadowRoot.replaceChildren(box.content);
    return true;
  }

  #mount(sheet) {
    if (!this.isConnected || this.#app) return;
    const shadow = this.shadowRoot;
    const prerendered = this.#prerendered();
    // A prerender on screen, or above it, has been seen: the live widget starts where it
    // ends. One still below the fold animates when it comes into view.
    const shown = prerendered && this.getBoundingClientRect().top < innerHeight;
    const parent = prerendered ? document.createDocumentFragment() : shadow;
    if (!prerendered) {
      shadow.adoptedStyleSheets = [sheet];
      shadow.replaceChildren();
    }
    const app = (this.#app = new Instance(
      parent,
      this.getAttribute("lang"),
      this.getAttribute("categories"),
      shown,
      (lang, categories, view) => this.#chose(lang, categories, view),
      (name, kind, categories, lang) => this.#download(name, kind, categories, lang),
    ));
    this.#load(false);
    if (!prerendered) return;
    // The live widget renders off-screen; once it shows figures it takes the
    // prerender's place, before the next frame is painted. If its data fails, the
    // prerender stays.
    const host = parent.firstElementChild;
    const swap = () => {
      if (this.#app !== app) return;
      if (host.querySelector("[data-figure]")) {
        shadow.adoptedStyleSheets = [sheet];
        shadow.replaceChildren(host);
      } else if (!host.querySelector(".notice")) {
        requestAnimationFrame(swap); // the data is on its way
      }
    };
    requestAnimationFrame(swap);
  }

  // The reader chose: the attributes follow (without applying them again), and the
  // page is told.
  #chose(lang, categories, view) {
    this.#reflecting = true;
    try {
      this.setAttribute("lang", lang);
      this.setAttribute("categories", categories);
    } finally {
      this.#reflecting = false;
    }
    const detail = { lang, categories: ids(categories), view };
    this.dispatchEvent(new CustomEvent(EVENT, { bubbles: true, composed: true, detail }));
  }

  // The dataset: the `data` property, else `src`, else an inline JSON child, else the
  // built-in one. A request still in flight for an earlier `src` is cancelled.
  #load(changed) {
    const app = this.#app;
    const n = ++this.#request;
    const src = this.getAttribute("src");
    const current = () => this.#app === app && this.#request === n;
    const show = (text) => current() && app.load((this.#text = text));
    this.#fetching?.abort();
    if (this.#data !== undefined) {
      let text;
      try {
        text = typeof this.#data === "string" ? this.#data : JSON.stringify(this.#data);
      } catch {
        text = ""; // not JSON at all (a cycle): reported like any text that is not JSON
      }
      return show(text ?? "");
    }
    const inline = this.#inline();
    if (!src && inline != null) return show(inline);
    if (changed) app.wait();
    if (!src) {
      builtin(this.#lang()).then(
        ({ data }) => show(data),
        () => current() && app.fail("network", 0),
      );
      return;
    }
    const abort = (this.#fetching = new AbortController());
    const timer = setTimeout(() => abort.abort(), TIMEOUT_MS);
    fetch(new URL(src, document.baseURI), { signal: abort.signal, credentials: "omit" })
      .then((r) => (r.ok ? r.text() : Promise.reject(r.status)))
      .then(show, (e) =>
        current() && app.fail(typeof e === "number" ? "status" : abort.signal.aborted ? "timeout" : "network", +e || 0),
      )
      .finally(() => clearTimeout(timer));
  }

  // A file the reader asked for, made by the downloads module from the dataset shown.
  #download(name, kind, categories, lang) {
    const text = this.#text;
    downloads().then(
      (m) => {
        const body = (kind === "csv" ? m.csv : m.svg)(text, categories, lang);
        if (body != null) save(`${name}.${kind}`, TYPES[kind], body);
      },
      (error) => console.error("salystyr: could not load the downloads module.", error),
    );
  }

  // No WebAssembly: a prerender stays (the figures in their final state, controls
  // inert); else the element's own fallback if it has one; else the built-in figures as
  // text (or, for a dataset of its own, why it cannot be shown), in its language.
  async #fallback() {
    if ((await this.#early) || this.#prerendered()) return;
    if ([...this.children].some((c) => c.localName !== "script")) return;
    const texts = await fetched("salystyr-fallback.json").then(JSON.parse, () => null);
    if (!texts || !this.isConnected || this.#app) return;
    const lang = this.#lang();
    const t = texts[lang];
    const section = el("section");
    section.lang = lang;
    section.append(el("p", t.message));
    if (this.#builtin()) {
      const list = el("ul");
      for (const f of t.figures) list.append(el("li", f));
      section.append(el("h2", t.title), list, el("small", t.source));
    }
    this.shadowRoot.adoptedStyleSheets = [waiting];
    this.shadowRoot.replaceChildren(section);
  }
}

if (!customElements.get(TAG)) customElements.define(TAG, SalystyrInfographic);
