// The in-page probe of bench/networks.mjs, injected by Playwright (context.addInitScript)
// before any script of the page runs, into every variant alike. It watches; the only
// thing it does to the page is the interaction poll (below), which it undoes at once.
//
// window.__net collects (times are performance.now(), from navigation start):
//   figure      the first figure: the end of the first frame in which a figure is shown
//               (see below)
//   figureKind  what showed it: "dom" (a [data-figure] element) or "canvas" (Chart.js)
//   interactive when a click on a control first changed the page (see below)
//   clicks      how many polling clicks that took
//   shifts      every layout shift ({ start, value, recent, sources }), "layout-shift"
//               buffered
//   longtasks   every long task ({ start, duration }), "longtask" buffered
//   hidden      for a DOM figure shown and then gone again before coming back (a
//               prerendered widget replaced before its app mounts): each gap, in ms
//               (checked each frame until the controls answer)
//
// Frames. A rAF loop runs from the start. Each of its callbacks sets `inFrame` and posts a
// MessageChannel message that clears it: that message is a task, so it runs only once
// the rendering update the callback belongs to (rAF callbacks, style, layout, paint) is
// over. `inFrame` is thus true exactly while a frame is being produced, and "the end of
// frame N" is the time that message runs (the "afterframe" technique of bench/probe.js).
//
// First figure.
//   - DOM (the widget, in its shadow root, prerendered or not; the static page): in each
//     frame's rAF callback the probe looks for a [data-figure] element, in the document or
//     in a <salystyr-infographic>'s shadow root, whose box is laid out with a size and
//     reaches into the viewport. If there is one when the frame starts, that frame paints
//     it: the figure time is that frame's end.
//   - Canvas (Chart.js): the probe catches the global `Chart` as the UMD file defines it
//     and registers a plugin whose afterDraw hook marks the first draw. A draw inside a
//     frame (Chart.js animates from requestAnimationFrame) is shown by that frame; a draw
//     in an ordinary task, by the next one. The figure time is that frame's end.
//
// Interactive. Every 16 ms (setInterval) the probe clicks a control, if the page has one
// yet, and watches whether the page answers:
//   - the widget: the category toggle of its last category (`button[data-category]`,
//     the last one, whose figures are far below the fold), in whatever shadow root the
//     element has (a prerendered one answers nothing until the app runs). Answering is
//     its aria-pressed flipping (a MutationObserver); the probe then clicks it once more,
//     in the same microtask checkpoint, so no frame ever shows the toggled state;
//   - Chart.js: the first legend item of the first chart that has a legend, clicked with
//     a synthetic mouse event at its hit box on the canvas. Answering is the dataset's
//     visibility changing (checked at each poll and each frame); the probe restores it.
//   `interactive` is the time the change was seen.
(() => {
  const N = (window.__net = {
    figure: null,
    figureKind: null,
    interactive: null,
    clicks: 0,
    shifts: [],
    longtasks: [],
    hidden: [],
  });
  const now = () => performance.now();

  const observe = (type, push) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(push)).observe({ type, buffered: true });
    } catch {
      N[`no_${type}`] = true;
    }
  };
  // What moved: each shift's sources, named by tag and class (and "shadow" when inside
  // the widget's shadow root; "(gone)" once removed), and how far down or up.
  const name = (node) => {
    if (!node) return "(gone)";
    if (node.nodeType !== 1) return node.parentElement ? `${name(node.parentElement)} text` : "#text";
    const cls = typeof node.className === "string" && node.className.trim() ? `.${node.className.trim().split(/\s+/).join(".")}` : "";
    return `${node.getRootNode() instanceof ShadowRoot ? "shadow " : ""}${node.localName}${cls}`;
  };
  observe("layout-shift", (e) =>
    N.shifts.push({
      start: e.startTime,
      value: e.value,
      recent: e.hadRecentInput,
      sources: (e.sources ?? []).slice(0, 3).map((s) => ({
        node: name(s.node),
        // The rects are the visible parts: an empty one after means moved out of view.
        out: s.currentRect.width * s.currentRect.height === 0,
        dy: Math.round(s.currentRect.y - s.previousRect.y),
      })),
    }),
  );
  observe("longtask", (e) => N.longtasks.push({ start: e.startTime, duration: e.duration }));

  // Frames.
  let inFrame = false;
  const endOfFrame = (done) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done(now());
    channel.port2.postMessage(null);
  };
  const nextFrameEnd = (done) => requestAnimationFrame(() => endOfFrame(done));
  let pendingFigure = false;
  const figureShown = (kind) => {
    if (N.figure !== null || pendingFigure) return;
    pendingFigure = true;
    const done = (t) => {
      N.figure = t;
      N.figureKind = kind;
    };
    if (inFrame) endOfFrame(done);
    else nextFrameEnd(done);
  };

  const roots = () => {
    const list = [document];
    for (const host of document.querySelectorAll("salystyr-infographic")) if (host.shadowRoot) list.push(host.shadowRoot);
    return list;
  };
  const visibleFigure = () => {
    for (const root of roots()) {
      for (const el of root.querySelectorAll("[data-figure]")) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.height > 0 && r.top < innerHeight && r.bottom > 0) return true;
      }
    }
    return false;
  };

  // A figure shown, then gone again (a prerendered one replaced before the app mounts):
  // each such gap, from the first frame without it to the first frame with it again.
  let hiddenSince = null;
  const frame = () => {
    inFrame = true;
    endOfFrame(() => {
      inFrame = false;
      checkChart(); // Chart.js handles events in its own rAF callbacks
    });
    if (document.body && N.figureKind !== "canvas") {
      const shown = visibleFigure();
      if (N.figure === null && !pendingFigure && shown) figureShown("dom");
      else if ((N.figure !== null || pendingFigure) && !shown && hiddenSince === null) hiddenSince = now();
      else if (shown && hiddenSince !== null) {
        N.hidden.push(now() - hiddenSince);
        hiddenSince = null;
      }
    }
    if (N.figure === null || N.interactive === null || hiddenSince !== null) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);

  // Chart.js: catch the global as the UMD file sets it, and register the probe's plugin.
  let ChartJs;
  Object.defineProperty(window, "Chart", {
    configurable: true,
    enumerable: false,
    get: () => ChartJs,
    set(value) {
      ChartJs = value;
      try {
        value.register({ id: "benchProbe", afterDraw: () => figureShown("canvas") });
      } catch {
        // not Chart.js
      }
    },
  });

  // Interactive: the widget.
  const watched = new WeakSet();
  const toggleOf = (root) => {
    const all = root.querySelectorAll("button[data-category]");
    return all[all.length - 1] ?? null;
  };
  const watchToggles = (root) => {
    if (watched.has(root)) return;
    watched.add(root);
    new MutationObserver((records) => {
      if (N.interactive !== null) return;
      for (const r of records) {
        if (r.attributeName === "aria-pressed" && r.target.getAttribute("aria-pressed") !== r.oldValue) {
          N.interactive = now();
          r.target.click(); // back as it was, before any frame shows it
          return;
        }
      }
    }).observe(root, { subtree: true, attributes: true, attributeFilter: ["aria-pressed"], attributeOldValue: true });
  };
  const clickWidget = () => {
    for (const host of document.querySelectorAll("salystyr-infographic")) {
      const root = host.shadowRoot;
      const toggle = root && toggleOf(root);
      if (!toggle) continue;
      watchToggles(root);
      N.clicks++;
      toggle.click();
      return true;
    }
    return false;
  };

  // Interactive: Chart.js.
  let chartClicked = null; // { chart, index, visible }
  function checkChart() {
    if (!chartClicked || N.interactive !== null) return;
    const { chart, index, visible } = chartClicked;
    if (chart.isDatasetVisible(index) !== visible) {
      N.interactive = now();
      chart.setDatasetVisibility(index, visible);
      chart.update("none");
    }
  }
  const clickChart = () => {
    checkChart();
    if (N.interactive !== null || !ChartJs?.instances) return false;
    const chart = Object.values(ChartJs.instances).find((c) => c.legend?.legendHitBoxes?.length);
    if (!chart) return false;
    const box = chart.legend.legendHitBoxes[0];
    const rect = chart.canvas.getBoundingClientRect();
    const x = rect.left + box.left + box.width / 2;
    const y = rect.top + box.top + box.height / 2;
    chartClicked = { chart, index: 0, visible: chart.isDatasetVisible(0) };
    N.clicks++;
    for (const type of ["mousemove", "click"])
      chart.canvas.dispatchEvent(new MouseEvent(type, { clientX: x, clientY: y, bubbles: true, cancelable: true }));
    return true;
  };

  const poll = setInterval(() => {
    if (N.interactive !== null) {
      clearInterval(poll);
      return;
    }
    if (!clickWidget()) clickChart();
  }, 16);
})();
