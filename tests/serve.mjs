// A static file server that behaves like a typical static host: it serves dist/ (optionally under
// a sub-path), picks the precompressed .br or .gz copy when the browser accepts it, sends the right
// content types, the Content-Security-Policy header and the caching headers README.md ("Hosting
// dist/") asks of a host, and answers revalidation with 304. Used by `./dev.sh serve`, the browser
// tests and the benchmark.
//
//   node tests/serve.mjs DIR [PORT] [--base /sub/path/] [--no-compression] [--quiet]
//   (the environment variable SERVE_BASE sets the sub-path too, e.g. for `./dev.sh serve`)
//
// As a module: `startServer({ root, port, base, compression, quiet, probe })` resolves to
// { url, port, stats, close } (stats.requests: every path asked for, in order). Tests in
// engines whose automation cannot run a script before the page's own (WebDriver classic) pass
// `probe`, a script's text: it is served as __probe.js, and index.html loads it before app.js.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
    "img-src 'self' data:; connect-src 'self' https: http://localhost:* http://127.0.0.1:*; object-src 'none'; base-uri 'none'";

const TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".wasm": "application/wasm",
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
    ".png": "image/png",
    ".svg": "image/svg+xml",
};

// index.html and sw.js must be revalidated on every visit, or a deploy goes unseen; the rest may be
// cached long (the service worker fetches a new version past the HTTP cache anyway).
const NO_CACHE = new Set(["index.html", "sw.js"]);

export function startServer({ root, port = 0, base = "/", compression = true, quiet = true, probe = null }) {
    root = path.resolve(root);
    if (!base.startsWith("/")) base = "/" + base;
    if (!base.endsWith("/")) base += "/";
    const stats = { requests: [] };
    const server = http.createServer((req, res) => {
        const url = new URL(req.url, "http://localhost");
        stats.requests.push(url.pathname);
        if (req.method !== "GET" && req.method !== "HEAD") {
            res.writeHead(405, { Allow: "GET, HEAD" });
            return res.end();
        }
        if (url.pathname + "/" === base) {
            res.writeHead(301, { Location: base });
            return res.end();
        }
        if (!url.pathname.startsWith(base)) {
            res.writeHead(404);
            return res.end("Not found");
        }
        let relative;
        try { relative = decodeURIComponent(url.pathname.slice(base.length)); } catch { relative = "\0"; }
        if (relative === "" || relative.endsWith("/")) relative += "index.html";
        if (probe && (relative === "__probe.js" || relative === "index.html")) {
            const text = relative === "__probe.js" ? probe
                : fs.readFileSync(path.join(root, relative), "utf8").replace('<script src="app.js">', '<script src="__probe.js"></script>\n<script src="app.js">');
            res.writeHead(200, { "Content-Type": TYPES[path.extname(relative)], "Content-Security-Policy": CONTENT_SECURITY_POLICY,
                                 "Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff" });
            return res.end(req.method === "HEAD" ? undefined : text);
        }
        const file = path.join(root, relative);
        if (relative.includes("\0") || !file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
            res.writeHead(404);
            return res.end("Not found");
        }
        const headers = {
            "Content-Type": TYPES[path.extname(file)] || "application/octet-stream",
            "Content-Security-Policy": CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": NO_CACHE.has(relative) ? "no-cache" : "max-age=3600",
            "Vary": "Accept-Encoding",
        };
        const accepted = String(req.headers["accept-encoding"] || "");
        let body = file;
        if (compression && /\bbr\b/.test(accepted) && fs.existsSync(file + ".br")) {
            body = file + ".br";
            headers["Content-Encoding"] = "br";
        } else if (compression && /\bgzip\b/.test(accepted) && fs.existsSync(file + ".gz")) {
            body = file + ".gz";
            headers["Content-Encoding"] = "gzip";
        }
        const stat = fs.statSync(body);
        headers["ETag"] = `"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}${headers["Content-Encoding"] ? "-" + headers["Content-Encoding"] : ""}"`;
        headers["Last-Modified"] = stat.mtime.toUTCString();
        if (req.headers["if-none-match"] === headers["ETag"]) {
            res.writeHead(304, headers);
            return res.end();
        }
        headers["Content-Length"] = stat.size;
        res.writeHead(200, headers);
        if (req.method === "HEAD") return res.end();
        fs.createReadStream(body).pipe(res);
    });
    return new Promise((resolve, reject) => {
        server.on("error", reject);
        server.listen(port, "127.0.0.1", () => {
            const actual = server.address().port;
            const url = `http://localhost:${actual}${base}`;
            if (!quiet) console.log(`Band Circuit is served at ${url}  (Ctrl+C stops)`);
            resolve({ url, port: actual, stats, close: () => new Promise((done) => { server.closeAllConnections(); server.close(done); }) });
        });
    });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const args = process.argv.slice(2);
    const option = (name) => { const i = args.indexOf(name); return i >= 0 ? args.splice(i, 2)[1] : undefined; };
    const flag = (name) => { const i = args.indexOf(name); if (i >= 0) args.splice(i, 1); return i >= 0; };
    const base = option("--base") || process.env.SERVE_BASE || "/";
    const compression = !flag("--no-compression");
    const quiet = flag("--quiet");
    const [root, port = "8080"] = args;
    if (!root) {
        console.error("usage: node tests/serve.mjs DIR [PORT] [--base /sub/path/] [--no-compression] [--quiet]");
        process.exit(2);
    }
    startServer({ root, port: Number(port), base, compression, quiet }).catch((error) => {
        console.error(`Cannot serve on port ${port}: ${error.message}`);
        process.exit(1);
    });
}
