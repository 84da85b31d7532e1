// The machine the bench runs on, and how much of its CPU other processes took meanwhile:
// on a 2-core machine a concurrent build or test run inflates every time measured, so
// the report says so. Linux only (/proc); elsewhere the share is unknown.
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";

/** CPU ticks used by the whole machine and by this process with its descendants (Chromium). */
function snapshot() {
  const [, ...fields] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = fields.map(Number);
  const busy = user + nice + system + irq + softirq + steal;
  const procs = new Map();
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ").map(Number);
      // After the command: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14)
      procs.set(Number(pid), { ppid: f[1], ticks: f[11] + f[12] + f[13] + f[14] });
    } catch {
      // the process ended meanwhile
    }
  }
  const mine = new Set([process.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, p] of procs) {
      if (!mine.has(pid) && mine.has(p.ppid)) {
        mine.add(pid);
        grew = true;
      }
    }
  }
  let own = 0;
  for (const pid of mine) own += procs.get(pid)?.ticks ?? 0;
  return { busy, idle: idle + iowait, own };
}

/** Starts watching; `stop()` returns the share of all cores that other processes used. */
export function watchCpu() {
  let start;
  try {
    start = snapshot();
  } catch {
    return { stop: () => null };
  }
  return {
    stop() {
      const end = snapshot();
      const total = end.busy + end.idle - (start.busy + start.idle);
      const others = end.busy - start.busy - (end.own - start.own);
      return total > 0 ? Math.max(0, others / total) : null;
    },
  };
}

export const machine = () => ({ nproc: cpus().length, cpu: cpus()[0]?.model?.trim() ?? "unknown CPU" });

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const git = (...args) => {
  try {
    return execFileSync("git", args, { cwd: ROOT, encoding: "utf8" });
  } catch {
    return "";
  }
};
export const loadAverage = () => loadavg().map((x) => x.toFixed(2)).join(" ");

/**
 * Starts recording a run; `finish(browser)` returns what report.mjs' header shows: the
 * machine, its load before and after, the CPU other processes took, the browser, the
 * commit (and uncommitted product changes), when dist/ was built, the date, how long.
 */
export function startRun() {
  const started = Date.now();
  const loadBefore = loadAverage();
  const cpu = watchCpu();
  return {
    finish(browser) {
      const dirty = git("status", "--porcelain", "--", "src", "web", "data", "Cargo.toml", "Cargo.lock", "build.rs", "scripts/build.sh")
        .split("\n")
        .filter(Boolean)
        .map((l) => l.slice(3));
      return {
        ...machine(),
        load: `${loadBefore} before, ${loadAverage()} after`,
        others: cpu.stop(),
        chromium: `Chromium ${browser.version()}`,
        node: process.version,
        commit: git("rev-parse", "--short", "HEAD").trim() || "unknown",
        dirty: dirty.length ? dirty.join(", ") : "",
        built: statSync(new URL("../dist/salystyr_core_bg.wasm", import.meta.url)).mtime.toISOString().replace(/\.\d+Z$/, "Z"),
        date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
        took: `${Math.round((Date.now() - started) / 1000)} s`,
      };
    },
  };
}
