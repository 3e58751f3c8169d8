// ./dev.sh figures: PNG screenshots of every exercise demonstration at each key pose (the tempo
// part boundaries, where the figure's keyframes sit), on both sides, at phone size, plus one
// contact sheet per exercise to look at them side by side.
//
//   node tests/browser/figures.mjs DIST OUT_DIR        (FIGURES_DPR=1: at DPR 1, quicker; 2 by default)
//
// The exercises, their sides and the tempo parts come from the app (state().exercises and
// state().demo); each exercise page is opened by tapping its card on the home screen, and each
// side by the button the page offers for it. Time is Playwright's fake clock, so each picture is
// taken at an exact point of the rep.
import fs from "node:fs";
import path from "node:path";
import { launchBrowser, openClocked, press, pressInView, serveDist, state } from "./harness.mjs";

const [, , distArg, outArg] = process.argv;
if (distArg) process.env.DIST = path.resolve(distArg);
const OUT = path.resolve(outArg || "build/figures");

async function seek(page, targetMs) {
    const demo = (await state(page)).demo;
    if (!demo) throw new Error("state().demo is missing on the exercise page");
    const period = demo.repMs;
    let wait = (targetMs - demo.ms) % period;
    if (wait <= 0) wait += period;
    await page.clock.runFor(Math.round(wait));
}

async function contactSheet(page, files, out) {
    const images = files.map((f) => "data:image/png;base64," + fs.readFileSync(f).toString("base64"));
    const png = await page.evaluate(async (sources) => {
        const loaded = await Promise.all(sources.map(async (src) => { const i = new Image(); i.src = src; await i.decode(); return i; }));
        const w = loaded[0].width / 2, h = loaded[0].height / 2, columns = Math.min(4, loaded.length);
        const canvas = document.createElement("canvas");
        canvas.width = w * columns;
        canvas.height = h * Math.ceil(loaded.length / columns);
        const ctx = canvas.getContext("2d");
        loaded.forEach((image, i) => ctx.drawImage(image, (i % columns) * w, Math.floor(i / columns) * h, w, h));
        return canvas.toDataURL("image/png").split(",")[1];
    }, images);
    fs.writeFileSync(out, Buffer.from(png, "base64"));
}

const browser = await launchBrowser();
const server = await serveDist();
fs.mkdirSync(OUT, { recursive: true });
try {
    // The exercises, their sides and tempo as the app has them (state().exercises, state().demo).
    const dpr = Number(process.env.FIGURES_DPR || 2);
    const { context, page } = await openClocked(browser, server.url, { viewport: { width: 360, height: 640 }, deviceScaleFactor: dpr });
    for (const exercise of (await state(page)).exercises) {
        await pressInView(page, exercise.name);   // its card on home, scrolled to as a finger would
        const demo = (await state(page)).demo;
        const shots = [];
        // FIGURES_SIDES=1: the first side only (the browser test's smoke check of the walk).
        const sides = demo.sides.length > 0 ? demo.sides.slice(0, Number(process.env.FIGURES_SIDES) || demo.sides.length) : [null];
        for (const side of sides) {
            if (side) await press(page, side.button);
            // The demonstration's cycle is one rep, or two for the monster walk (a step per foot).
            const ends = [];
            for (let at = 0; at < demo.repMs;) for (const part of demo.parts) ends.push(at += part);
            for (const at of ends) {
                await seek(page, at - 30);   // the end of each part: the key pose itself
                const file = path.join(OUT, `${exercise.key}${side ? "-" + side.key : ""}-${String(at).padStart(4, "0")}ms.png`);
                await page.screenshot({ path: file });
                shots.push(file);
            }
        }
        await contactSheet(page, shots, path.join(OUT, `${exercise.key}-sheet.png`));
        console.log(`${exercise.key}: ${shots.length} key poses`);
        await press(page, "Back");
    }
    await context.close();
    console.log(`Figures written to ${OUT}`);
} finally {
    await browser.close();
    await server.close();
}
