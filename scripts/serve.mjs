// A small static file server for the demo and the end-to-end tests.
// Usage: node scripts/serve.mjs [--root DIR] [--port N] [--host H]
// Sends application/wasm for .wasm (streaming compilation) and CORS for every file, as
// the README asks of any server hosting dist/.
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
      if ((await stat(path)).isDirectory()) path = join(path, "index.html");
      const body = await readFile(path);
      res.writeHead(200, {
        "content-type": TYPES[extname(path)] ?? "application/octet-stream",
        "access-control-allow-origin": "*",
        "cache-control": "no-cache",
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
