// The engines the core scenarios (scenarios.mjs) run in, so they are written once and run in
// Chromium, Firefox ESR and WebKitGTK. Each engine module (chromium.mjs, firefox.mjs, webkit.mjs)
// exports launch() -> { name, newPage({width, height}), close() }, and a page answers the
// interface of ../actions.mjs (evaluate, down, move, up, wheel, key, pass; tap where the engine
// has touch input), so the same press, scrollIntoView and waits act on it, plus:
//
//   goto(url), reload()          navigate and wait for the load event
//   screenshot()                 a PNG of the viewport (Buffer)
//   download(action, dir)        run action, wait for the file the page downloads, copy it into dir
//   upload(action, file)         run action, which opens a file picker, and choose file in it
//   problems()                   console errors, uncaught errors and failed loads so far
//   close()
//
// Time is real in these pages (page.clock is Chromium-only): pass(ms) is the wall clock's.

export const ENGINES = ["chromium", "firefox", "webkit"];

export async function launchEngine(name) {
    if (!ENGINES.includes(name)) throw new Error(`unknown engine ${name}`);
    const engine = await import(`./${name}.mjs`);
    return engine.launch();
}

// The distinct colours of the screen, from a real screenshot decoded in the page (a 64x64 copy):
// a blank or one-colour frame has 1.
export async function screenColourCount(page) {
    const png = (await page.screenshot()).toString("base64");
    return page.evaluate(async (data) => {
        const image = new Image();
        image.src = "data:image/png;base64," + data;
        await image.decode();
        const canvas = document.createElement("canvas");
        canvas.width = canvas.height = 64;
        const ctx = canvas.getContext("2d");
        ctx.drawImage(image, 0, 0, 64, 64);
        const pixels = ctx.getImageData(0, 0, 64, 64).data;
        const colours = new Set();
        for (let i = 0; i < pixels.length; i += 4) colours.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
        return colours.size;
    }, png);
}
