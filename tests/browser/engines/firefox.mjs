// The engine driver (see driver.mjs) for Debian's Firefox ESR, through puppeteer-core and
// WebDriver BiDi (no geckodriver). Headless Firefox cannot create a WebGL2 context on this kind of
// machine, so it runs with a window on its own Xvfb display, with WebGL forced on for Mesa's
// software renderer. Every page gets its own user context (its own storage); downloads go to a
// folder given per context.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import puppeteer from "puppeteer-core";
import { downloadFrom, mouseIo } from "./shared.mjs";
import { startXvfb } from "./xvfb.mjs";

const EXECUTABLE = process.env.FIREFOX || "/usr/bin/firefox-esr";

export async function launch() {
    const xvfb = await startXvfb();
    let browser;
    try {
        browser = await puppeteer.launch({
            browser: "firefox",
            executablePath: EXECUTABLE,
            headless: false,
            env: { ...process.env, DISPLAY: xvfb.display, MOZ_CRASHREPORTER_DISABLE: "1" },
            extraPrefsFirefox: {
                "webgl.force-enabled": true,
                "media.autoplay.default": 0,                       // audio allowed (the app still waits for a tap)
                "browser.download.always_ask_before_handling_new_types": false,
            },
            protocolTimeout: 60000,
        });
    } catch (error) {
        await xvfb.stop();
        throw error;
    }
    return {
        name: "firefox",
        async newPage({ width = 390, height = 844 } = {}) {
            const downloads = fs.mkdtempSync(path.join(os.tmpdir(), "band-circuit-firefox-dl-"));
            const context = await browser.createBrowserContext({ downloadBehavior: { policy: "allow", downloadPath: downloads } });
            const page = await context.newPage();
            await page.setViewport({ width, height });
            const problems = [];
            page.on("console", (message) => { if (message.type() === "error") problems.push("console: " + message.text()); });
            page.on("pageerror", (error) => problems.push("page error: " + error.message));
            return {
                problems: async () => problems,
                ...mouseIo(page),
                goto: (url) => page.goto(url, { waitUntil: "load", timeout: 60000 }).then(() => {}),
                reload: () => page.reload({ waitUntil: "load", timeout: 60000 }).then(() => {}),
                screenshot: () => page.screenshot().then((data) => Buffer.from(data)),
                // The download lands in this context's folder: wait for the finished file.
                download: downloadFrom(downloads),
                async upload(action, file) {
                    const [chooser] = await Promise.all([page.waitForFileChooser({ timeout: 15000 }), action()]);
                    await chooser.accept([file]);
                },
                async close() {
                    await context.close();
                    fs.rmSync(downloads, { recursive: true, force: true });
                },
            };
        },
        async close() {
            await browser.close().catch(() => {});
            await xvfb.stop();
        },
    };
}

export const exists = () => fs.existsSync(EXECUTABLE);
