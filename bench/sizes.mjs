// Measure 1: the embed's size, exactly as scripts/sizes.mjs counts it (raw, gzip -9,
// brotli q11, in KiB with one decimal, per file of dist/ and in total; a file the page
// never loads when WebAssembly runs, such as the text fallback, is listed there but not
// counted). The script is run as it is and its table parsed, so that this bench and the
// size check of scripts/test.sh cannot disagree. (It is not imported: importing it would
// print its own table.)
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export function sizes() {
  const script = fileURLToPath(new URL("../scripts/sizes.mjs", import.meta.url));
  const text = execFileSync(process.execPath, [script], { encoding: "utf8", timeout: 30_000 });
  const rows = [];
  const notes = [];
  for (const line of text.split("\n")) {
    const m = line.match(/^(\S+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*$/);
    if (m) rows.push({ name: m[1], raw: +m[2], gzip: +m[3], brotli: +m[4] });
    else if (line.trim() && !/^file\s/.test(line)) notes.push(line.trim());
  }
  const total = rows.find((r) => r.name === "total");
  if (!total || rows.length < 2) throw new Error(`bench: cannot read the output of scripts/sizes.mjs:\n${text}`);
  return { unit: "KiB", files: rows.filter((r) => r !== total), total, notes };
}
