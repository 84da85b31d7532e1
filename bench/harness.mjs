// What every measurement shares: the static server (with cache headers and a request
// log), headless Chromium with the flags of e2e/browser.mjs, a context with the probe,
// and timeouts, so that a hung page fails the bench instead of stalling it.
import { fileURLToPath } from "node:url";
import { serve } from "../scripts/serve.mjs";
import { launch } from "../e2e/browser.mjs";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
const PROBE = fileURLToPath(new URL("probe.js", import.meta.url));
export const VIEWPORT = { width: 1000, height: 800 };

/** Rejects after `ms` with a message naming what timed out. */
export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`bench: timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Serves the repository on loopback. The embed's files (dist/) are sent with
 * `cache-control: max-age=3600` instead of serve.mjs's `no-cache`, so that a second
 * load in the same browser context takes them from the HTTP cache without a request,
 * as a CDN's long-lived headers would; pages keep `no-cache`. Every request is counted
 * by path, which shows whether the warm loads really hit the cache.
 */
export async function startServer() {
  const requests = new Map();
  const server = await serve({
    root: ROOT,
    host: "127.0.0.1",
    port: 0,
    headers: (url) => {
      requests.set(url.pathname, (requests.get(url.pathname) ?? 0) + 1);
      return url.pathname.startsWith("/dist/") ? { "cache-control": "max-age=3600" } : {};
    },
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    requests,
    /** Requests for `path` so far (take differences to count a phase). */
    count(path) {
      return requests.get(path) ?? 0;
    },
    close: () =>
      new Promise((done) => {
        server.closeAllConnections?.();
        server.close(() => done());
      }),
  };
}

export async function startBrowser() {
  return withTimeout(launch(), 30_000, "launching Chromium");
}

/** A fresh browser context (empty cache) with the probe installed, and one page in it. */
export async function newContext(browser, options = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT, ...options });
  await context.addInitScript({ path: PROBE });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.setDefaultTimeout(20_000);
  page.setDefaultNavigationTimeout(20_000);
  return { context, page, errors };
}

/**
 * Navigates to `url` (from about:blank) and waits until every widget on it has rendered
 * and been painted (the probe's `allPainted`), then returns the probe's record plus the navigation
 * timing (DOMContentLoaded, load) and the first-contentful-paint time.
 */
export async function load(page, url, options = {}) {
  try {
    return await loadOnce(page, url, options);
  } catch (error) {
    // Other people's builds replace dist/ now and then; one failed load is retried, and
    // reported on stderr with what the page got.
    console.error(`${error.message}; retrying once`);
    return loadOnce(page, url, options);
  }
}

async function loadOnce(page, url, { settle = 0 } = {}) {
  // From a blank page, so that the time from navigation start does not include tearing
  // down the previous page (still animating) when a page is loaded again (warm cache).
  if (page.url() !== "about:blank") await page.goto("about:blank");
  const failed = [];
  const onResponse = (r) => r.status() >= 400 && failed.push(`${r.status()} ${new URL(r.url()).pathname}`);
  const onFailed = (r) => failed.push(`${r.failure()?.errorText} ${new URL(r.url()).pathname}`);
  page.on("response", onResponse);
  page.on("requestfailed", onFailed);
  try {
    await page.goto(url, { waitUntil: "domcontentloaded" });
    await withTimeout(page.evaluate(() => window.__bench.painted), 20_000, `${url}: widgets never painted`).catch(
      async (error) => {
        const state = await page
          .evaluate(() => {
            const b = window.__bench;
            const hosts = [...document.querySelectorAll("salystyr-infographic")];
            return `${b.rendered} of ${b.expected} rendered, shadow roots: ${hosts.map((h) => (h.shadowRoot ? h.shadowRoot.innerHTML.slice(0, 80) : "none")).join(" | ")}`;
          })
          .catch((e) => e.message);
        throw new Error(`${error.message} (${state}; failed requests: ${failed.join(", ") || "none"})`);
      },
    );
  } finally {
    page.off("response", onResponse);
    page.off("requestfailed", onFailed);
  }
  // The first-contentful-paint entry arrives once the compositor reports the frame
  // presented, which can be a little after the probe's after-paint task: wait for it.
  await page
    .waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length > 0, null, {
      timeout: 2_000,
      polling: 50,
    })
    .catch(() => {});
  if (settle) await page.waitForTimeout(settle);
  return page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0];
    const fcp = performance.getEntriesByName("first-contentful-paint")[0];
    const { afterPaint, painted, resolvePainted, ...probe } = window.__bench;
    return {
      ...probe,
      dcl: nav.domContentLoadedEventStart,
      loadEvent: nav.loadEventStart,
      fcp: fcp ? fcp.startTime : null,
    };
  });
}
