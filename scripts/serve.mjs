// A small static file server for the demo and the end-to-end tests.
// Usage: node scripts/serve.mjs [--root DIR] [--port N] [--host H]
// Sends application/wasm for .wasm (streaming compilation) and CORS for every file, as
// the README asks of any server hosting dist/. Where FILE.br or FILE.gz lies next to FILE
// (scripts/precompress.mjs writes them) and the request accepts that encoding, it sends
// that body as it is, with Content-Encoding, as a CDN does: it never compresses per
// request (that would time the server, not the page).
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * The encodings the request accepts, in the order this server prefers them (brotli, then
 * gzip), from its Accept-Encoding header; `q=0` refuses one.
 */
export function accepted(header = "") {
  const q = new Map();
  for (const part of header.toLowerCase().split(",")) {
    const [name, ...params] = part.trim().split(";");
    if (!name) continue;
    const weight = params.map((p) => p.trim().match(/^q=([\d.]+)$/)).find(Boolean);
    q.set(name.trim(), weight ? Number(weight[1]) : 1);
  }
  const ok = (name) => (q.has(name) ? q.get(name) > 0 : q.has("*") && q.get("*") > 0);
  return ["br", "gzip"].filter(ok);
}

const SUFFIX = { br: ".br", gzip: ".gz" };

/** The precompressed copy of `path` to send, if any: not older than the file itself. */
async function precompressed(path, encodings, mtime) {
  let exists = false;
  for (const encoding of ["br", "gzip"]) {
    const info = await stat(path + SUFFIX[encoding]).catch(() => null);
    if (!info || info.mtimeMs < mtime) continue;
    exists = true;
    if (encodings.includes(encoding)) return { encoding, file: path + SUFFIX[encoding], exists };
  }
  return { exists };
}

/**
 * Starts a server on `root`; resolves to the listening http.Server. `headers(url, req)`
 * adds response headers; `handler(url, req, res)` may answer a request itself (returning
 * true) before files are looked up.
 */
export function serve({ root = ".", port = 0, host = "127.0.0.1", headers = () => ({}), handler } = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://x");
    if (handler && (await handler(url, req, res))) return;
    let path = normalize(join(base, decodeURIComponent(url.pathname)));
    if (path !== base && !path.startsWith(base + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      let info = await stat(path);
      if (info.isDirectory()) {
        path = join(path, "index.html");
        info = await stat(path);
      }
      const packed = await precompressed(path, accepted(req.headers["accept-encoding"]), info.mtimeMs);
      const body = await readFile(packed.file ?? path);
      res.writeHead(200, {
        "content-type": TYPES[extname(path)] ?? "application/octet-stream",
        "access-control-allow-origin": "*",
        "cache-control": "no-cache",
        ...(packed.encoding ? { "content-encoding": packed.encoding } : {}),
        ...(packed.exists ? { vary: "Accept-Encoding" } : {}),
        "content-length": body.length,
        ...headers(url, req),
      });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain", "access-control-allow-origin": "*" }).end("not found");
    }
  });
  return new Promise((ok) => server.listen(port, host, () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const server = await serve({
    root: arg("root", "."),
    port: Number(arg("port", 8080)),
    host: arg("host", "127.0.0.1"),
  });
  const { address, port } = server.address();
  console.log(`Serving the demo at http://${address}:${port}/ (Ctrl+C to stop)`);
}
