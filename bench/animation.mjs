// Measure 4, the animation half: long tasks and dropped frames during the entry
// animation. The page puts the widget below the fold; once it has rendered and the page
// is idle, the probe starts logging requestAnimationFrame timestamps, scrolls the widget
// into view and notes when `is-played` appears on section.salystyr (a MutationObserver).
// The animation lasts about 1 s from then (numbers by rAF, bars by CSS transitions).
//
// Frames: the rAF timestamps (frame start times) in [played, played + WINDOW]; an
// interval longer than 1.5x the median interval is a janky frame; "frames dropped"
// estimates how many frames those long intervals swallowed (round(interval/median) - 1).
import { newContext, load, withTimeout } from "./harness.mjs";
import { median, summary } from "./stats.mjs";

const WINDOW = 1_000; // ms of animation examined
const TAIL = 300; // extra ms recorded after it

function run({ window: span, tail }) {
  const host = document.querySelector("salystyr-infographic");
  const root = host.shadowRoot;
  return new Promise((resolve, reject) => {
    const stamps = [];
    let played = null;
    let stop = false;
    const tick = (t) => {
      stamps.push(t);
      if (!stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const section = root.querySelector("section.salystyr");
    if (section.classList.contains("is-played")) return reject(new Error("animation already played"));
    const observer = new MutationObserver(() => {
      if (played === null && root.querySelector("section.salystyr").classList.contains("is-played")) {
        played = performance.now();
        observer.disconnect();
        setTimeout(() => {
          stop = true;
          resolve({ scrolled, played, stamps });
        }, span + tail);
      }
    });
    observer.observe(root, { subtree: true, attributes: true, attributeFilter: ["class"] });
    // Start logging frames a little before scrolling, so the first frames are captured.
    let scrolled = null;
    setTimeout(() => {
      scrolled = performance.now();
      host.scrollIntoView({ block: "start" });
    }, 100);
    setTimeout(() => played === null && reject(new Error("is-played never appeared")), 5_000);
  });
}

function analyse({ scrolled, played, stamps }, longtasks, loafs) {
  const inWindow = [];
  for (let i = 1; i < stamps.length; i++) {
    if (stamps[i] > played && stamps[i - 1] < played + WINDOW) inWindow.push(stamps[i] - stamps[i - 1]);
  }
  const typical = median(inWindow);
  const long = inWindow.filter((d) => d > 1.5 * typical);
  return {
    scrollToPlayed: played - scrolled,
    frames: inWindow.length,
    medianInterval: typical,
    janky: long.length,
    dropped: long.reduce((n, d) => n + Math.round(d / typical) - 1, 0),
    longestInterval: Math.max(...inWindow),
    longtasks: longtasks.filter((t) => t.start + t.duration > scrolled && t.start < played + WINDOW),
    loafs: loafs.filter((f) => f.start + f.duration > scrolled && f.start < played + WINDOW),
  };
}

/** `count` runs, each a fresh load of the page (same context, so a warm cache). */
export async function animation(browser, server, count) {
  const { context, page, errors } = await newContext(browser);
  try {
    const runs = [];
    for (let i = 0; i < count; i++) {
      await withTimeout(load(page, `${server.origin}/bench/page.html?below=1`), 30_000, "loading for the animation");
      await page.waitForTimeout(500); // let the load's work settle
      const raw = await withTimeout(page.evaluate(run, { window: WINDOW, tail: TAIL }), 15_000, "animation run");
      const { longtasks, loafs } = await page.evaluate(() => ({ longtasks: window.__bench.longtasks, loafs: window.__bench.loafs }));
      runs.push(analyse(raw, longtasks, loafs));
    }
    if (errors.length) throw new Error(`page errors: ${errors.join("; ")}`);
    return {
      runs,
      window: WINDOW,
      janky: summary(runs.map((r) => r.janky)),
      dropped: summary(runs.map((r) => r.dropped)),
      medianInterval: median(runs.map((r) => r.medianInterval)),
      longestInterval: Math.max(...runs.map((r) => r.longestInterval)),
      longtasks: runs.flatMap((r) => r.longtasks),
      runsWithLongTask: runs.filter((r) => r.longtasks.length > 0).length,
      loafs: runs.flatMap((r) => r.loafs),
    };
  } finally {
    await context.close();
  }
}
