// What several engine modules share: the page interface over Puppeteer's mouse and keyboard
// (Firefox), and download() for a browser that saves files into a folder of its own (Firefox,
// WebKit).
import fs from "node:fs";
import path from "node:path";

// The interface of ../actions.mjs over a page whose mouse has move(x, y), down(), up() and
// wheel({ deltaY }) and whose keyboard has press(key) (Puppeteer's), on the wall clock.
export function mouseIo(page) {
    return {
        clocked: false,
        evaluate: (fn, arg) => page.evaluate(fn, arg),
        async down(x, y) { await page.mouse.move(x, y); await page.mouse.down(); },
        move: (x, y) => page.mouse.move(x, y),
        up: () => page.mouse.up(),
        async wheel(x, y, dy) { await page.mouse.move(x, y); await page.mouse.wheel({ deltaY: dy }); },
        key: (name) => page.keyboard.press(name),
        pass: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
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
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
}
