// Memory: whatever a page does with the element any number of times (insert and remove
// it, as infinite scroll does; change its attributes; point it at another dataset while
// one is still loading), what the page holds after a forced garbage collection returns
// to within a small constant of what it held after a few warm-up rounds. A leak of one
// DOM node, one listener or about 1 KB of wasm per round fails. The counters and the
// rounds are in e2e/memory.mjs (`node e2e/memory.mjs` prints them).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch } from "./browser.mjs";
import { attributes, blank, counters, cycles, server, sources } from "./memory.mjs";

let site, browser;
before(async () => {
  site = await server();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  site?.http.closeAllConnections();
  site?.http.close();
});

const KiB = 1024;

/** After `rounds` rounds, nothing grew by more than a small constant. */
function flat(base, now, rounds) {
  const seen = `after ${rounds} rounds: ${JSON.stringify(now)}, baseline ${JSON.stringify(base)}`;
  assert.ok(now.nodes <= base.nodes + 50, `DOM nodes ${seen}`);
  assert.ok(now.listeners <= base.listeners + 20, `event listeners ${seen}`);
  assert.ok(now.wasm <= base.wasm + 128 * KiB, `wasm memory ${seen}`);
}

test("200 elements created, rendered and removed leave nothing behind", async () => {
  const { page, cdp, context, problems } = await blank(browser, site.origin);
  await cycles(page, 5);
  const base = await counters(cdp);
  await cycles(page, 200);
  flat(base, await counters(cdp), 200);
  // Nothing of the removed elements is left in the page, and none is mounted twice.
  assert.equal(await page.evaluate(() => document.querySelectorAll("salystyr-infographic").length), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("300 lang and categories changes on a live element leave nothing behind", async () => {
  const { page, cdp, context, problems } = await blank(browser, site.origin, 1);
  await attributes(page, 10);
  const base = await counters(cdp);
  await attributes(page, 300);
  flat(base, await counters(cdp), 300);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a new src cancels the request in flight, and 100 of them leave nothing behind", async () => {
  const { page, cdp, context, problems } = await blank(browser, site.origin, 1);
  await sources(page, 3);
  const base = await counters(cdp);
  // Each change is made while the previous request is unanswered; that request must fail
  // as aborted within 3 s (the embed's own timeout would take 10 s).
  const errors = await sources(page, 100, { from: 3 });
  assert.deepEqual(errors, Array(100).fill("net::ERR_ABORTED"));
  flat(base, await counters(cdp), 100);
  // The server saw each request that reached it closed by the browser.
  await page.waitForTimeout(200);
  assert.equal(site.slow.closed, site.slow.arrived);
  // Removing the element cancels its request too.
  const pending = page.waitForRequest((r) => r.url().endsWith("/slow/last.json"));
  await page.evaluate(() => document.querySelector("salystyr-infographic").setAttribute("src", "/slow/last.json"));
  const request = await pending;
  const failed = page.waitForEvent("requestfailed", { predicate: (r) => r === request, timeout: 3000 });
  await page.evaluate(() => document.querySelector("salystyr-infographic").remove());
  assert.equal((await failed).failure()?.errorText, "net::ERR_ABORTED");
  assert.deepEqual(problems, []);
  await context.close();
});
