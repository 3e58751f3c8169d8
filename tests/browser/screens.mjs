// Screenshots of every screen, light and dark, on a 360x640 phone (DPR 2) and a 1280x800 laptop
// (DPR 1), for a person to look at: `./dev.sh screens` -> build/screens/<size>-<theme>-<screen>.png.
// It drives the app the way a user does (presses widgets by label), with a seeded history.
// Then the layout matrix (layout-matrix.mjs: twelve sizes, every state, notched phones with their
// insets) in both themes -> build/screens/matrix/<theme>-<W>x<H>-<state>.png; MATRIX=0 skips it,
// MATRIX_SIZES=568x320,1280x800 keeps only those sizes. LOCALE=ar-EG (or any browser language)
// takes the matrix in that language only -> build/screens/matrix-ar-EG/.
// Usage: node tests/browser/screens.mjs <dist dir> <out dir>
import fs from "node:fs";
import path from "node:path";
import { appCircuit, launchBrowser, openClocked, press, pressInView, scrollIntoView, state, waitFor, waitInPage, waitReady, waitStill } from "./harness.mjs";
import { MOTION, groupsByDpr, setSize, sizeName, walk, SIZES as MATRIX } from "./layout-matrix.mjs";
import { startServer } from "../serve.mjs";
import { makeHistory, seedScript } from "./screens-helpers.mjs";


const [dist = "dist", out = "build/screens"] = process.argv.slice(2);
fs.mkdirSync(out, { recursive: true });

const DEVICES = [
    { name: "phone", viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true },
    { name: "laptop", viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, hasTouch: false, isMobile: false },
];

const server = await startServer({ root: path.resolve(dist) });
const browser = await launchBrowser();
const exercises = await appCircuit(browser, server.url);
let count = 0;

async function shot(page, prefix, name) {
    // A still screen is taken once it has stopped drawing; a moving one (the session's timer, a
    // playing figure) a moment after it appeared.
    const s = await state(page);
    if (s.screen !== "session" && !s.animating) await waitStill(page);
    else await waitInPage(page, (n) => bandCircuit.framesDrawn() >= n + 2, await page.evaluate(() => bandCircuit.framesDrawn()), { what: "two more frames" });
    await page.screenshot({ path: path.join(out, `${prefix}-${name}.png`) });
    count++;
}

async function goHome(page) {
    if ((await state(page)).screen !== "home") await press(page, "Back");
    await waitFor(page, (s) => s.screen === "home");
}

try {
    const locale = process.env.LOCALE || null;
    for (const size of locale ? [] : DEVICES) {
        for (const theme of ["light", "dark"]) {
            const prefix = `${size.name}-${theme}`;
            const context = await browser.newContext({ viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor,
                                                       hasTouch: size.hasTouch, isMobile: size.isMobile, colorScheme: theme });
            const page = await context.newPage();
            await page.addInitScript(seedScript(JSON.stringify(makeHistory(23, { exercises, everyDays: 3 }))));
            await page.goto(server.url);
            await waitReady(page);
            await shot(page, prefix, "home");

            for (const [i, { name }] of exercises.entries()) {
                await pressInView(page, name);
                await waitFor(page, (s) => s.screen === "exercise");
                await shot(page, prefix, `exercise-${i + 1}`);
                await goHome(page);
            }

            await press(page, "History");
            await waitFor(page, (s) => s.screen === "history");
            await shot(page, prefix, "history");
            const rows = (await page.evaluate(() => bandCircuit.widgets())).filter((w) => /^\w{3} \d+ \w{3} \d{4}/.test(w.label));
            if (rows.length > 0) {
                await press(page, rows[0].label);
                await shot(page, prefix, "history-expanded");
            }
            await goHome(page);

            await press(page, "Settings");
            await waitFor(page, (s) => s.screen === "settings");
            await shot(page, prefix, "settings");
            // The bottom of the page: the reset confirmation.
            await scrollIntoView(page, "Reset all data");
            await shot(page, prefix, "settings-end");
            await press(page, "Reset all data");
            await shot(page, prefix, "settings-reset");
            await press(page, "Cancel");
            await goHome(page);

            await press(page, "About");
            await waitFor(page, (s) => s.screen === "about");
            await shot(page, prefix, "about");
            await goHome(page);

            await press(page, "Start");
            await waitFor(page, (s) => s.screen === "session");
            await shot(page, prefix, "session-get-ready");
            await press(page, "Skip");
            const work = await waitFor(page, (s) => s.session.phase === "work");
            // 1.2 s into the set: the figure mid-movement.
            await waitFor(page, (s) => s.session.elapsedMs >= work.session.elapsedMs + 1200, { timeout: 10000 });
            await shot(page, prefix, "session-work");
            await press(page, "Skip");
            await waitFor(page, (s) => s.session.phase !== "work");
            await shot(page, prefix, "session-rest");
            await press(page, "Skip");
            await waitFor(page, (s) => s.session.phase === "work");
            await press(page, "Skip");
            await waitFor(page, (s) => s.session.phase === "switch");
            await shot(page, prefix, "session-switch");
            await press(page, "End");
            await press(page, "End session");
            await waitFor(page, (s) => s.screen === "finish");
            await shot(page, prefix, "finish");
            await context.close();
        }
    }
    if (process.env.MATRIX !== "0") {
        const only = process.env.MATRIX_SIZES ? process.env.MATRIX_SIZES.split(",") : null;
        const sizes = MATRIX.filter((size) => !only || only.includes(sizeName(size)));
        const matrixOut = path.join(out, locale ? `matrix-${locale}` : "matrix");
        fs.mkdirSync(matrixOut, { recursive: true });
        const time = new Date("2026-11-20T07:30:00");
        for (const theme of ["light", "dark"]) {
            for (const group of groupsByDpr(sizes)) {
                const first = group.sizes[0];
                const context = await browser.newContext({ viewport: { width: first.width, height: first.height },
                                                           deviceScaleFactor: group.dpr, colorScheme: theme, locale: locale || "en-GB" });
                const history = JSON.stringify(makeHistory(23, { exercises, now: time.getTime(), everyDays: 3 }));
                const beforeLoad = async (p) => {
                    await p.emulateMedia({ reducedMotion: MOTION });
                    await p.addInitScript(seedScript(history));
                };
                const { page } = await openClocked(browser, server.url, { context, time, beforeLoad });
                for await (const step of walk(page)) {
                    for (const size of group.sizes) {
                        await setSize(page, size);
                        await page.screenshot({ path: path.join(matrixOut, `${theme}-${sizeName(size).replace(/[ %]+/g, "-")}-${step.name}.png`) });
                        count++;
                    }
                }
                await context.close();
            }
        }
    }
    console.log(`${count} screenshots in ${out}`);
} finally {
    await browser.close();
    await server.close();
}
