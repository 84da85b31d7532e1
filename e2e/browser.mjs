// Launches the system's headless Chromium through playwright-core (no browser download).
import { execFileSync } from "node:child_process";
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

/**
 * The `salystyr` command, built as `cargo test` and a developer build it, wherever the
 * target dir is: its path.
 */
export function salystyrCommand() {
  const messages = execFileSync(
    "cargo",
    ["build", "--quiet", "--bin", "salystyr", "--message-format=json-render-diagnostics"],
    { cwd: new URL("..", import.meta.url).pathname, encoding: "utf8", maxBuffer: 64 << 20, stdio: ["ignore", "pipe", "inherit"] },
  );
  const built = messages
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line))
    .find((m) => m.reason === "compiler-artifact" && m.target.name === "salystyr" && m.executable)?.executable;
  if (!built) throw new Error("cargo did not build the salystyr command");
  return built;
}
