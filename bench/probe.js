// The bench's in-page probe, injected by Playwright (context.addInitScript) before any
// script of the page runs. It changes nothing in the product; it only watches.
//
// window.__bench collects:
//   longtasks    every long task (>= 50 ms) of the page, from the Long Tasks API
//                (PerformanceObserver "longtask", buffered: true)
//   loafs        long animation frames (>= 50 ms) with their script attribution, the
//                evidence of *what* blocked (Long Animation Frames API)
//   firstCard    performance.now() when the first `article.card` was seen in a shadow root
//   firstPaint   performance.now() once a frame containing it has been painted
//   rendered     number of <salystyr-infographic> elements whose `section.salystyr` exists
//   allRendered / allPainted   the same two times for "every element has rendered", where
//                "every" is the page's `n` query parameter (default 1); `painted` is a
//                promise of allPainted
//
// How "painted" is detected. The widget renders inside a shadow root that the custom
// element attaches after the wasm has loaded, so a document-level MutationObserver sees
// nothing. The probe wraps Element.prototype.attachShadow and puts a MutationObserver on
// each shadow root as it is created. Its callback runs as a microtask right after the
// task (Yew's render) that inserted the cards, so `firstCard` is when the DOM has the
// figure. The figure is on screen once the browser has run the next rendering update
// (rAF callbacks -> style -> layout -> paint). `afterPaint` therefore requests an animation
// frame and, from inside it, posts a MessageChannel message: that message is a new task,
// which runs only after the rendering update the rAF callback belongs to has finished,
// i.e. after the frame with the figure was painted (the "afterframe" technique). Element
// Timing cannot be used: it reports images and text nodes of the document, not of shadow
// trees. The first-contentful-paint entry is recorded as a cross-check (the bench page
// has no other content, so its FCP is the widget's first paint).
(() => {
  const q = new URLSearchParams(location.search);
  const B = (window.__bench = {
    expected: Number(q.get("n") ?? 1),
    longtasks: [],
    loafs: [],
    firstCard: null,
    firstPaint: null,
    rendered: 0,
    allRendered: null,
    allPainted: null,
  });
  // Resolves once every widget has been painted: Node awaits it through page.evaluate,
  // so the bench does not poll the page while it measures.
  B.painted = new Promise((resolve) => (B.resolvePainted = resolve));

  const afterPaint = (done) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done(performance.now());
      channel.port2.postMessage(null);
    });
  B.afterPaint = afterPaint;

  const observe = (type, push) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(push)).observe({ type, buffered: true });
    } catch {
      B[`no_${type}`] = true; // not supported by this browser
    }
  };
  observe("longtask", (e) => B.longtasks.push({ start: e.startTime, duration: e.duration }));
  observe("long-animation-frame", (e) =>
    B.loafs.push({
      start: e.startTime,
      duration: e.duration,
      blocking: e.blockingDuration,
      renderStart: e.renderStart,
      styleAndLayoutStart: e.styleAndLayoutStart,
      scripts: (e.scripts ?? []).map((s) => ({
        invoker: s.invoker,
        type: s.invokerType,
        source: `${s.sourceURL.replace(location.origin, "")}${s.sourceFunctionName ? ` ${s.sourceFunctionName}` : ""}`,
        duration: s.duration,
        forcedStyleAndLayout: s.forcedStyleAndLayoutDuration,
      })),
    }),
  );

  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    if (this.localName === "salystyr-infographic") watch(root);
    return root;
  };

  function watch(root) {
    const observer = new MutationObserver(() => {
      const now = performance.now();
      if (B.firstCard === null && root.querySelector("article.card")) {
        B.firstCard = now;
        afterPaint((t) => (B.firstPaint = t));
      }
      if (root.querySelector("section.salystyr")) {
        observer.disconnect();
        B.rendered += 1;
        if (B.rendered === B.expected) {
          B.allRendered = now;
          afterPaint((t) => {
            B.allPainted = t;
            B.resolvePainted(t);
          });
        }
      }
    });
    observer.observe(root, { childList: true, subtree: true });
  }
})();
