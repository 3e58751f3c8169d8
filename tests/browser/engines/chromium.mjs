// The engine driver (see driver.mjs) for Debian's Chromium, through playwright-core: the
// same browser and flags as the rest of the browser tests. Every page gets its own context.
import fs from "node:fs";
import path from "node:path";
import { launchBrowser } from "../harness.mjs";
import { pageIo } from "../actions.mjs";

export async function launch() {
    const browser = await launchBrowser();
    return {
        name: "chromium",
        async newPage({ width = 390, height = 844 } = {}) {
            const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true });
            const page = await context.newPage();
            const problems = [];
            page.on("console", (message) => { if (message.type() === "error") problems.push("console: " + message.text()); });
            page.on("pageerror", (error) => problems.push("page error: " + error.message));
            return {
                problems: async () => problems,
                ...pageIo(page),
                goto: (url) => page.goto(url).then(() => {}),
                reload: () => page.reload().then(() => {}),
                screenshot: () => page.screenshot(),
                async download(action, dir) {
                    const [download] = await Promise.all([page.waitForEvent("download"), action()]);
                    const file = path.join(dir, download.suggestedFilename());
                    await download.saveAs(file);
                    return file;
                },
                async upload(action, file) {
                    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), action()]);
                    await chooser.setFiles(file);
                },
                close: () => context.close(),
            };
        },
        close: () => browser.close(),
    };
}

export const exists = () => fs.existsSync(process.env.CHROMIUM || "/usr/bin/chromium");
