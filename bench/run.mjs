// The browser performance benchmark of the embed (scripts/bench.sh runs it after the
// release build). Prints one Markdown table to stdout and writes BENCHMARKS.md; progress
// goes to stderr; `--json FILE` also saves every raw sample. Each concern lives in its
// own file:
//   sizes.mjs      1. bytes per file, raw/gzip/brotli (scripts/sizes.mjs)
//   load.mjs       2. first figure painted, cold and warm cache; long tasks of the load
//   interact.mjs   3. re-render after a language switch and a category toggle
//   animation.mjs  4. long tasks and dropped frames during the entry animation
//   instances.mjs  5. 1, 10, 50 instances: time to render, JS heap and wasm memory
//   profile.mjs    evidence: where the main thread's time goes
//   networks.mjs   6. first figure on loopback, 4G and slow networks beside a Chart.js
//                  page and a static floor; tachometer and Lighthouse (networks/)
//   probe.js       the in-page instrumentation; harness.mjs server, browser, timeouts
//   report.mjs     the table, the budgets, BENCHMARKS.md
import { writeFileSync } from "node:fs";
import { startServer, startBrowser } from "./harness.mjs";
import { sizes } from "./sizes.mjs";
import { coldLoads, warmLoads } from "./load.mjs";
import { interactions } from "./interact.mjs";
import { animation } from "./animation.mjs";
import { instances, baseline } from "./instances.mjs";
import { profile } from "./profile.mjs";
import { networks } from "./networks.mjs";
import { networksMarkdown } from "./networks/report.mjs";
import { table, header, markdown } from "./report.mjs";
import { startRun } from "./machine.mjs";

const LOADS = 12; // first-figure loads, cold and warm each (at least 10)
const CLICKS = 30; // re-renders of each kind (at least 20)
const ANIMATIONS = 6;
const INSTANCE_LOADS = 5;
const WATCHDOG_MS = 15 * 60_000;

const log = (...a) => console.error("bench:", ...a);

let server;
let browser;
async function cleanup() {
  await browser?.close().catch(() => {});
  await server?.close().catch(() => {});
}
const watchdog = setTimeout(async () => {
  log(`gave up after ${WATCHDOG_MS / 1000} s`);
  await cleanup();
  process.exit(2);
}, WATCHDOG_MS);
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    await cleanup();
    process.exit(130);
  });
}

async function main() {
  const run = startRun();
  const results = {};
  log("sizes");
  results.sizes = sizes();

  server = await startServer();
  browser = await startBrowser();
  log(`Chromium ${browser.version()}, serving ${server.origin}`);

  log(`first figure, ${LOADS} cold loads`);
  results.cold = await coldLoads(browser, server, LOADS);
  log(`first figure, ${LOADS} warm loads`);
  results.warm = await warmLoads(browser, server, LOADS);
  log(`re-renders, ${CLICKS} language switches and ${CLICKS} toggles`);
  results.interact = await interactions(browser, server, CLICKS);
  log(`entry animation, ${ANIMATIONS} runs`);
  results.animation = await animation(browser, server, ANIMATIONS);
  log(`instances, ${INSTANCE_LOADS} loads each`);
  results.baseline = await baseline(browser, server);
  results.instances = await instances(browser, server, INSTANCE_LOADS);
  log("profile of the 50-instance load");
  results.profile = await profile(browser, server, 50);
  log("first figure on networks, beside Chart.js and a static floor");
  results.networks = await networks(browser, server, {}, log);

  const env = run.finish(browser);
  const text = table(results);
  const net = networksMarkdown(results.networks, `Measured with the whole benchmark (the run above): commit ${env.commit}, ${env.date}.`);
  console.log(`${header(env)}\n\n${text}\n\n${net}`);
  writeFileSync(new URL("../BENCHMARKS.md", import.meta.url), `${markdown(results, env, text)}\n\n${net}\n`);
  log("written to BENCHMARKS.md");
  const json = process.argv.indexOf("--json");
  if (json > 0) {
    writeFileSync(process.argv[json + 1], JSON.stringify({ env, results }, null, 1));
    log(`raw results written to ${process.argv[json + 1]}`);
  }
}

try {
  await main();
} catch (error) {
  log(error?.stack ?? error);
  process.exitCode = 1;
} finally {
  clearTimeout(watchdog);
  await cleanup();
}
