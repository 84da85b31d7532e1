// <salystyr-infographic>: the embed's custom element. It loads the wasm once, then mounts
// one app per element inside an open shadow root; attributes map to the app's props.
// Contract: README.md, "Embedding".
import init, { Instance, stylesheet } from "./salystyr_core.js";

const TAG = "salystyr-infographic";
let ready;
const boot = () =>
  (ready ??= init({ module_or_path: new URL("salystyr_core_bg.wasm", import.meta.url) }).then(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(stylesheet());
    return sheet;
  }));

class SalystyrInfographic extends HTMLElement {
  static observedAttributes = ["lang", "categories"];
  #app = null;

  connectedCallback() {
    boot().then(
      (sheet) => {
        if (!this.isConnected || this.#app) return;
        const shadow = this.shadowRoot ?? this.attachShadow({ mode: "open" });
        shadow.adoptedStyleSheets = [sheet];
        const root = document.createElement("div");
        shadow.replaceChildren(root);
        this.#app = new Instance(root, this.getAttribute("lang"), this.getAttribute("categories"));
      },
      (error) => console.error("salystyr: could not load", error),
    );
  }

  disconnectedCallback() {
    this.#app?.destroy();
    this.#app = null;
  }

  attributeChangedCallback() {
    this.#app?.update(this.getAttribute("lang"), this.getAttribute("categories"));
  }
}

if (!customElements.get(TAG)) customElements.define(TAG, SalystyrInfographic);
