// What several engine modules share: the driver's click and drag over a mouse that Playwright
// (Chromium) and Puppeteer (Firefox) shape alike, and download() for a browser that saves files
// into a folder of its own (Firefox, WebKit).
import fs from "node:fs";
import path from "node:path";

// The driver's click(x, y) and drag(x, y0, y1) for a page whose mouse has move(x, y, { steps }),
// down() and up().
export function mouseGestures(mouse) {
    return {
        async click(x, y) {
            await mouse.move(x, y);
            await mouse.down();
            await new Promise((resolve) => setTimeout(resolve, 40));   // a finger's press, not an instant
            await mouse.up();
        },
        async drag(x, y0, y1) {
            await mouse.move(x, y0);
            await mouse.down();
            await mouse.move(x, y1, { steps: 10 });
            await mouse.up();
        },
    };
}

// The driver's download(action, dir) for a browser that saves into the folder `downloads`: run the
// action, wait for the finished file, copy it into dir and return its path there.
export function downloadFrom(downloads) {
    return async (action, dir) => {
        const before = new Set(fs.readdirSync(downloads));
        await action();
        const name = await waitForFile(downloads, before);
        const file = path.join(dir, name);
        fs.copyFileSync(path.join(downloads, name), file);
        return file;
    };
}

// A new file in dir, complete (Firefox writes NAME.part first, then renames it).
async function waitForFile(dir, before, timeout = 20000) {
    const deadline = Date.now() + timeout;
    for (;;) {
        const fresh = fs.readdirSync(dir).filter((name) => !before.has(name) && !name.endsWith(".part") && !name.endsWith(".download"));
        if (fresh.length && fs.statSync(path.join(dir, fresh[0])).size > 0) return fresh[0];
        if (Date.now() > deadline) throw new Error(`no download appeared in ${dir} (there: ${fs.readdirSync(dir).join(", ")})`);
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
}
