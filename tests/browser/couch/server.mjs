// The sync tests' CouchDB: pouchdb-server (npm, this folder's package.json), which speaks CouchDB's
// HTTP API, started on loopback with an in-memory database in a temporary folder (it writes its
// config.json and log.txt where it runs) and stopped after. The app keeps to CouchDB's documented
// API, so nothing here is pouchdb-server's own: databases are made with credentials (an
// unauthenticated PUT of a database crashes pouchdb-server instead of answering 401).
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));

const freePort = () => new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => { const { port } = probe.address(); probe.close(() => resolve(port)); });
});

export async function startCouch({ user, password }) {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "band-circuit-couch-"));
    const port = await freePort();
    const bin = path.join(HERE, "node_modules", "pouchdb-server", "bin", "pouchdb-server");
    const child = spawn(process.execPath, [bin, "--in-memory", "-o", "127.0.0.1", "-p", String(port)], { cwd: folder, stdio: ["ignore", "ignore", "pipe"] });
    let errors = "";
    child.stderr.on("data", (chunk) => { errors += chunk; });
    const url = `http://127.0.0.1:${port}`;
    const auth = "Basic " + Buffer.from(`${user}:${password}`).toString("base64");
    const call = async (method, where, body, { authorized = true } = {}) => {
        const headers = { Accept: "application/json" };
        if (authorized) headers.Authorization = auth;
        if (body !== undefined) headers["Content-Type"] = "application/json";
        const response = await fetch(url + where, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
        return { status: response.status, json: await response.json().catch(() => null) };
    };
    for (let i = 0; ; i++) {   // up when it answers (a few seconds: it loads its modules first)
        try { if ((await fetch(url + "/")).ok) break; } catch (e) { /* not yet */ }
        if (child.exitCode !== null || i > 600) throw new Error("pouchdb-server did not start: " + errors);
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const admin = await call("PUT", `/_config/admins/${encodeURIComponent(user)}`, password, { authorized: false });
    if (admin.status !== 200) throw new Error("pouchdb-server: no admin " + JSON.stringify(admin));
    return {
        url,
        async createDatabase(name) {
            const made = await call("PUT", "/" + name);
            if (made.status !== 201) throw new Error(`PUT /${name}: ${JSON.stringify(made)}`);
        },
        // Every live document by id.
        async docs(name) {
            const all = await call("GET", `/${name}/_all_docs?include_docs=true`);
            return Object.fromEntries(all.json.rows.map((row) => [row.id, row.doc]));
        },
        // One document; { deleted: true } reads a deleted one from the changes feed as {_id, _deleted}.
        async doc(name, id, { deleted = false } = {}) {
            if (!deleted) return (await call("GET", `/${name}/${encodeURIComponent(id)}`)).json;
            const changes = await call("GET", `/${name}/_changes`);
            const entry = changes.json.results.filter((r) => r.id === id).at(-1);
            return entry ? { _id: id, _deleted: !!entry.deleted } : null;
        },
        close: () => new Promise((resolve) => {
            child.once("exit", () => { fs.rmSync(folder, { recursive: true, force: true }); resolve(); });
            child.kill();
        }),
    };
}
