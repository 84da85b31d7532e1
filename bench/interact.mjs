// Measure 3: the re-render after a language switch and after a category toggle, and the
// long tasks while doing so.
//
// Each sample runs inside a requestAnimationFrame callback, i.e. at the start of a frame,
// so that the time to the painted frame contains the work and not a wait for vsync:
//
//   t0            performance.now(), then button.click() (dispatches the click synchronously)
//   sync          whether the DOM already shows the change when click() returns. Yew 0.23
//                 does not render in the event handler: its scheduler runs in a microtask
//                 (wasm-bindgen-futures' spawn_local), so this is expected to be false.
//   dom           a MutationObserver on the shadow root, created before the click; its
//                 callback is a microtask queued by the first mutation, and it runs after
//                 Yew's render microtask has finished. At that point the probe checks that
//                 the change is complete (section lang and title text, or the group's
//                 `hidden` and the button's aria-pressed) and takes the time: the script
//                 cost of the re-render (event, reducer, diff, DOM calls).
//   layout        then, in the same callback, it forces style and layout (offsetHeight)
//                 and takes the time: the re-render's full main-thread cost before paint.
//   frame         a MessageChannel message posted from the rAF callback runs as the next
//                 task, after this frame's style, layout and paint: the time until the
//                 change is on screen (the main thread's share of it).
//
// The budget "a toggle re-renders within 8 ms" is judged on `layout` (everything the
// re-render costs the main thread up to paint); `frame` is shown next to it.
import { newContext, load, withTimeout } from "./harness.mjs";
import { summary } from "./stats.mjs";

function measure({ kind, count }) {
  const host = document.querySelector("salystyr-infographic");
  const root = host.shadowRoot;
  const q = (selector) => root.querySelector(selector);
  const frame = () => new Promise((ok) => requestAnimationFrame(ok));
  const langs = ["ru", "en", "kk"];

  const sample = (i) =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        let button, done;
        if (kind === "lang") {
          const lang = langs[i % langs.length];
          const titleBefore = q("h2.title").textContent;
          button = q(`button[lang=${lang}]`);
          done = () => q("section.salystyr").getAttribute("lang") === lang && q("h2.title").textContent !== titleBefore;
        } else {
          const wasHidden = q("section.group[data-category=women]").hidden;
          button = q("button.toggle[data-category=women]");
          done = () =>
            q("section.group[data-category=women]").hidden !== wasHidden &&
            q("button.toggle[data-category=women]").getAttribute("aria-pressed") === String(wasHidden);
        }
        const force = () => void q("section.salystyr").offsetHeight;
        let dom = null;
        let layout = null;
        let microtasks = 0;
        const observer = new MutationObserver(() => {
          microtasks += 1;
          if (dom !== null || !done()) return;
          dom = performance.now();
          force();
          layout = performance.now();
        });
        observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });

        const t0 = performance.now();
        button.click();
        const t1 = performance.now();
        const sync = done();
        if (sync) {
          dom = t1;
          force();
          layout = performance.now();
        }
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          const t = performance.now();
          observer.disconnect();
          resolve({
            sync,
            ok: done(),
            microtasks,
            click: t1 - t0,
            dom: dom === null ? null : dom - t0,
            layout: layout === null ? null : layout - t0,
            frame: t - t0,
          });
        };
        channel.port2.postMessage(null);
      }),
    );

  return (async () => {
    const samples = [];
    for (let i = 0; i < count; i++) {
      await frame();
      await frame();
      samples.push(await sample(i));
    }
    return samples;
  })();
}

/** Loads the page once, lets the entry animation finish, then measures `count` of each. */
export async function interactions(browser, server, count) {
  const { context, page, errors } = await newContext(browser);
  try {
    await withTimeout(load(page, `${server.origin}/bench/page.html`), 30_000, "loading for interactions");
    // Let the entry animation (about 1 s, started on load since the widget is in view) end.
    await page.waitForFunction(
      () => document.querySelector("salystyr-infographic").shadowRoot.querySelector("section.is-played"),
    );
    await page.waitForTimeout(1_500);
    const since = await page.evaluate(() => performance.now());
    const result = {};
    for (const kind of ["lang", "toggle"]) {
      const samples = await withTimeout(page.evaluate(measure, { kind, count }), 60_000, `${kind} samples`);
      const bad = samples.filter((s) => !s.ok || s.dom === null);
      if (bad.length) throw new Error(`${kind}: ${bad.length} samples never showed the change`);
      result[kind] = {
        samples,
        sync: samples.filter((s) => s.sync).length,
        click: summary(samples.map((s) => s.click)),
        dom: summary(samples.map((s) => s.dom)),
        layout: summary(samples.map((s) => s.layout)),
        frame: summary(samples.map((s) => s.frame)),
      };
    }
    result.longtasks = await page.evaluate((t) => window.__bench.longtasks.filter((x) => x.start >= t), since);
    result.loafs = await page.evaluate((t) => window.__bench.loafs.filter((x) => x.start >= t), since);
    if (errors.length) throw new Error(`page errors: ${errors.join("; ")}`);
    return result;
  } finally {
    await context.close();
  }
}
