// The engine driver (see driver.mjs) for WebKitGTK, Debian's closest engine to iPhone
// Safari: WebKitWebDriver drives MiniBrowser on its own Xvfb display through classic W3C WebDriver,
// spoken here as plain HTTP from Node's fetch. A page is a WebDriver session (a MiniBrowser), used
// again by the next page once closed. Classic WebDriver has no console log and runs no script before the
// page's own: the test server's probe script (probe.mjs) stands in for both.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { startXvfb } from "./xvfb.mjs";
import { downloadFrom } from "./shared.mjs";

// Keys by their DOM name, as WebDriver codes them.
const WEBDRIVER_KEYS = { ArrowLeft: "\uE012", ArrowUp: "\uE013", ArrowRight: "\uE014", ArrowDown: "\uE015", Space: " ", Enter: "\uE007", Escape: "\uE00C", Tab: "\uE004" };

const DRIVER = process.env.WEBKIT_WEBDRIVER || "/usr/bin/WebKitWebDriver";
const MINIBROWSER = process.env.WEBKIT_MINIBROWSER || "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

function freePort() {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.on("error", reject);
        server.listen(0, "127.0.0.1", () => { const { port } = server.address(); server.close(() => resolve(port)); });
    });
}

export async function launch() {
    const xvfb = await startXvfb();
    // Downloads go to the XDG download folder of a home of our own.
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "band-circuit-webkit-home-"));
    const downloads = path.join(home, "Downloads");
    fs.mkdirSync(path.join(home, ".config"), { recursive: true });
    fs.mkdirSync(downloads);
    fs.writeFileSync(path.join(home, ".config", "user-dirs.dirs"), `XDG_DOWNLOAD_DIR="${downloads}"\n`);
    const port = await freePort();
    const driver = spawn(DRIVER, [`--port=${port}`], {
        env: { ...process.env, DISPLAY: xvfb.display, HOME: home, XDG_CONFIG_HOME: path.join(home, ".config"), XDG_DOWNLOAD_DIR: downloads },
        stdio: ["ignore", "ignore", "pipe"],
    });
    let driverLog = "";
    driver.stderr.on("data", (chunk) => { driverLog = (driverLog + chunk).slice(-4000); });
    const base = `http://127.0.0.1:${port}`;

    async function call(method, url, body) {
        const response = await fetch(base + url, {
            method, headers: { "Content-Type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body),
        });
        const data = await response.json().catch(() => ({}));
        if (!response.ok) {
            const v = data.value || {};
            throw new Error(`WebDriver ${method} ${url}: ${v.error || response.status}: ${v.message || ""}`);
        }
        return data.value;
    }
    // The driver is up once it answers /status.
    for (let i = 0; ; i++) {
        try { await call("GET", "/status"); break; } catch (error) {
            if (i > 100 || driver.exitCode !== null) { await xvfb.stop(); throw new Error("WebKitWebDriver did not start: " + driverLog); }
            await new Promise((resolve) => setTimeout(resolve, 50));
        }
    }

    const idle = [];   // sessions of closed pages, ready for the next page
    return {
        name: "webkit",
        async newPage({ width = 390, height = 844 } = {}) {
            // A session (a MiniBrowser) takes seconds to start: a closed page's session is used
            // again. Scenarios each serve the app from an origin of their own, so they share no
            // storage and no service worker even in one browser.
            const session = idle.pop() || await call("POST", "/session", { capabilities: { alwaysMatch: {
                "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] },
                pageLoadStrategy: "normal",
                timeouts: { script: 60000, pageLoad: 60000 },
            } } });
            const s = `/session/${session.sessionId}`;
            await call("POST", `${s}/window/rect`, { width, height }).catch(() => {});
            const pointer = (actions) => call("POST", `${s}/actions`, { actions: [{ type: "pointer", id: "mouse", parameters: { pointerType: "mouse" }, actions }] });
            // The page's own problems (probe.mjs), kept across navigations.
            const seen = [];
            async function harvest() {
                const found = await call("POST", `${s}/execute/sync`, { script: "return window.__probe ? window.__probe.problems.splice(0) : [];", args: [] }).catch(() => []);
                seen.push(...found);
            }
            return {
                async problems() { await harvest(); return seen; },
                async goto(url) { await harvest(); await call("POST", `${s}/url`, { url }); },
                async reload() { await harvest(); await call("POST", `${s}/refresh`, {}); },
                async evaluate(fn, arg) {
                    // An async script: the function's value (or promise) comes back through the callback.
                    const script = `const done = arguments[arguments.length - 1];
                        Promise.resolve().then(() => (${fn.toString()})(arguments[0]))
                            .then((value) => done({ value: value === undefined ? null : value }), (error) => done({ error: String(error && error.message || error) }));`;
                    const result = await call("POST", `${s}/execute/async`, { script, args: [arg === undefined ? null : arg] });
                    if (result && result.error !== undefined) throw new Error(result.error);
                    return result ? result.value : undefined;
                },
                // The mouse through W3C actions: the button's state carries from one call to the
                // next until the release. No wheel: WebKitWebDriver's wheel actions reach no page
                // here, so lists are scrolled by dragging.
                clocked: false,
                pass: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
                down: (x, y) => pointer([{ type: "pointerMove", duration: 0, origin: "viewport", x: Math.round(x), y: Math.round(y) }, { type: "pointerDown", button: 0 }]),
                move: (x, y) => pointer([{ type: "pointerMove", duration: 0, origin: "viewport", x: Math.round(x), y: Math.round(y) }]),
                async up() {
                    await pointer([{ type: "pointerUp", button: 0 }]);
                    await call("DELETE", `${s}/actions`).catch(() => {});
                },
                async key(name) {
                    const value = WEBDRIVER_KEYS[name] || name;
                    await call("POST", `${s}/actions`, { actions: [{ type: "key", id: "keyboard", actions: [{ type: "keyDown", value }, { type: "keyUp", value }] }] });
                },
                screenshot: async () => Buffer.from(await call("GET", `${s}/screenshot`), "base64"),
                download: downloadFrom(downloads),
                // WebDriver sets a file input's files through Element Send Keys: the app keeps
                // its input in the document while the picker is open.
                async upload(action, file) {
                    await action();
                    let element = null;
                    for (let i = 0; i < 100 && !element; i++) {
                        element = await call("POST", `${s}/element`, { using: "css selector", value: "input[type=file]" }).catch(() => null);
                        if (!element) await new Promise((resolve) => setTimeout(resolve, 50));
                    }
                    if (!element) throw new Error("no file input appeared");
                    const id = Object.values(element)[0];
                    await call("POST", `${s}/element/${id}/value`, { text: file });
                },
                async close() {
                    await harvest();
                    await call("POST", `${s}/url`, { url: "about:blank" }).then(() => idle.push(session), () => call("DELETE", s).catch(() => {}));
                },
            };
        },
        async close() {
            for (const session of idle.splice(0)) await call("DELETE", `/session/${session.sessionId}`).catch(() => {});
            driver.kill("SIGTERM");
            await new Promise((resolve) => (driver.exitCode !== null ? resolve() : driver.once("exit", resolve)));
            await xvfb.stop();
            fs.rmSync(home, { recursive: true, force: true });
        },
    };
}

export const exists = () => fs.existsSync(DRIVER) && fs.existsSync(MINIBROWSER);
