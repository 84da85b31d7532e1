// <salystyr-infographic>: the embed's custom element. It compiles the wasm once for every
// element on the page, then mounts one app per element inside an open shadow root;
// attributes map to the app's props. Contract: README.md, "Embedding".
import init, { Instance, stylesheet } from "./salystyr_core.js";

const TAG = "salystyr-infographic";
const TIMEOUT_MS = 10000;
const here = (file) => new URL(file, import.meta.url);
const sheet = (css) => {
  const s = new CSSStyleSheet();
  s.replaceSync(css);
  return s;
};
// Until the wasm arrives: room reserved (tunable), and the element's own children (a
// static fallback an editor pasted in) stay visible through the slot.
const waiting = sheet(
  ":host{display:block;min-height:var(--salystyr-reserve,480px)}" +
    "section{font:16px/1.5 system-ui,sans-serif;padding:20px;border-top:3px solid #b4232c}" +
    "li{margin:6px 0}small{color:#555}",
);

let ready, fallback;
const boot = () =>
  (ready ??= init({ module_or_path: here("salystyr_core_bg.wasm") }).then(
    () => sheet(stylesheet()),
    (error) => {
      const csp = /content.security.policy|wasm-unsafe-eval/i.test(error?.message);
      console.error(
        csp
          ? "salystyr: this page's Content-Security-Policy blocks WebAssembly: add 'wasm-unsafe-eval' to script-src. Showing the text fallback."
          : "salystyr: could not start; showing the text fallback.",
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

  connectedCallback() {
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    if (!this.#app) {
      shadow.adoptedStyleSheets = [waiting];
      shadow.replaceChildren(el("slot"));
    }
    boot().then(
      (css) => later(() => this.#mount(css)),
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
    if (!this.#app) return;
    if (name === "src") this.#data(true);
    else this.#app.update(this.getAttribute("lang"), this.getAttribute("categories"));
  }

  #inline() {
    return this.querySelector(':scope > script[type="application/json"]')?.textContent ?? null;
  }

  #mount(css) {
    if (!this.isConnected || this.#app) return;
    this.shadowRoot.adoptedStyleSheets = [css];
    this.shadowRoot.replaceChildren();
    const own = this.hasAttribute("src") || this.#inline() != null;
    this.#app = new Instance(this.shadowRoot, this.getAttribute("lang"), this.getAttribute("categories"), own);
    if (own) this.#data(false);
  }

  // The dataset: `src`, else an inline JSON child, else the built-in one. A request
  // still in flight for an earlier `src` is cancelled.
  #data(changed) {
    const app = this.#app;
    const n = ++this.#request;
    const src = this.getAttribute("src");
    this.#fetching?.abort();
    if (!src) return app.load(this.#inline());
    if (changed) app.wait();
    const abort = (this.#fetching = new AbortController());
    const timer = setTimeout(() => abort.abort(), TIMEOUT_MS);
    const current = () => this.#app === app && this.#request === n;
    fetch(new URL(src, document.baseURI), { signal: abort.signal, credentials: "omit" })
      .then((r) => (r.ok ? r.text() : Promise.reject(r.status)))
      .then(
        (text) => current() && app.load(text),
        (e) =>
          current() &&
          app.fail(typeof e === "number" ? "status" : abort.signal.aborted ? "timeout" : "network", +e || 0),
      )
      .finally(() => clearTimeout(timer));
  }

  // No WebAssembly: the element's own fallback if it has one, else the built-in figures
  // as text (or, for a dataset from `src`, why nothing can be shown), in its language.
  async #fallback() {
    if ([...this.children].some((c) => c.localName !== "script")) return;
    fallback ??= fetch(here("salystyr-fallback.json")).then((r) => r.json());
    const texts = await fallback.catch(() => null);
    if (!texts || !this.isConnected || this.#app) return;
    const known = (tag) => texts[(tag || "").split(/[-_]/)[0].toLowerCase()];
    const lang = [this.getAttribute("lang"), document.documentElement.lang].find(known)?.split(/[-_]/)[0].toLowerCase() ?? "kk";
    const t = texts[lang];
    const section = el("section");
    section.lang = lang;
    section.append(el("p", t.message));
    if (!this.hasAttribute("src") && this.#inline() == null) {
      const list = el("ul");
      for (const f of t.figures) list.append(el("li", f));
      section.append(el("h2", t.title), list, el("small", t.source));
    }
    this.shadowRoot.replaceChildren(section);
  }
}

if (!customElements.get(TAG)) customElements.define(TAG, SalystyrInfographic);
