// ./dev.sh figures: PNG screenshots of every exercise demonstration at each key pose (the tempo
// part boundaries, where the figure's keyframes sit), on both sides, at phone size, plus one
// contact sheet per exercise to look at them side by side.
//
//   node tests/browser/figures.mjs DIST OUT_DIR
//
// The exercise page is opened by tapping its card on the home screen; time is Playwright's fake
// clock, so each picture is taken at an exact point of the rep.
import fs from "node:fs";
import path from "node:path";
import { launchBrowser, serveDist, openClocked, clockPress, state } from "./harness.mjs";

const [, , distArg, outArg] = process.argv;
if (distArg) process.env.DIST = path.resolve(distArg);
const OUT = path.resolve(outArg || "build/figures");

// Names, sides and tempo (ms per part) as the catalogue has them.
export const FIGURES = [
    { key: "deadbug", name: "Banded deadbug", sides: [null], parts: [1500, 1000, 1500, 1000] },
    { key: "dorsiflexion", name: "Dorsiflexion with band", sides: ["Left", "Right"], parts: [1000, 2000, 1500] },
    { key: "trap-pull", name: "Overhead trap pull", sides: ["Left", "Right"], parts: [1500, 1500] },
    { key: "monster-walk", name: "Banded monster walks", sides: ["Forward", "Backward"], parts: [750, 750, 750, 750] },
    { key: "russian-twist", name: "Russian twist with band hold", sides: [null], parts: [1000, 750, 1000, 750] },
];

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
    for (const figure of FIGURES) {
        const { context, page } = await openClocked(browser, server.url, { viewport: { width: 360, height: 640 }, deviceScaleFactor: 2 });
        // The lower cards of the home list are reached by scrolling it, as a finger would.
        for (let i = 0; i < 6 && !(await page.evaluate((n) => bandCircuit.widgets().some((w) => w.label === n && w.h > 60), figure.name)); i++) {
            await page.mouse.move(180, 420);
            await page.mouse.wheel(0, 200);
            await page.clock.runFor(100);
        }
        await clockPress(page, figure.name);
        const shots = [];
        for (const side of figure.sides) {
            if (side) await clockPress(page, side);
            let at = 0;
            for (let part = 0; part < figure.parts.length; part++) {
                at += figure.parts[part];
                await seek(page, at - 30);   // the end of each part: the key pose itself
                const file = path.join(OUT, `${figure.key}${side ? "-" + side.toLowerCase() : ""}-${String(at).padStart(4, "0")}ms.png`);
                await page.screenshot({ path: file });
                shots.push(file);
            }
        }
        await contactSheet(page, shots, path.join(OUT, `${figure.key}-sheet.png`));
        console.log(`${figure.key}: ${shots.length} key poses`);
        await context.close();
    }
    console.log(`Figures written to ${OUT}`);
} finally {
    await browser.close();
    await server.close();
}
