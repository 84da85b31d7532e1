// Launches the system's headless Chromium through playwright-core (no browser download).
import { chromium } from "playwright-core";
import { serve } from "../scripts/serve.mjs";

export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * Serves the repository on loopback and launches Chromium for one test file: the
 * returned object's `origin` and `browser` are set once `before` has run.
 */
export function site({ before, after }) {
  const state = { origin: "", browser: null, server: null };
  before(async () => {
    state.server = await serve({ root: new URL("..", import.meta.url).pathname });
    state.origin = `http://127.0.0.1:${state.server.address().port}`;
    state.browser = await launch();
  });
  after(async () => {
    await state.browser?.close();
    state.server?.close();
  });
  return state;
}
