// Helpers for screens.test.mjs and screens.mjs: a made-up but valid history in the storage schema
// of src/core/save_format.h ({"version":1,"sessions":[...]}, oldest first), and finger-style
// scrolling to bring a widget into view before pressing it.
import { findWidget, press, waitStill, widgets } from "./harness.mjs";

const KEYS = [["deadbug", "left", "right"], ["dorsiflexion", "left", "right"], ["trap-pull", "left", "right"],
              ["monster-walk", "forward", "back"], ["russian-twist", "left", "right"]];

// count sessions, one every `everyDays` days (some on consecutive days), the last `lastDaysAgo` before now.
export function makeHistory(count, { now = Date.now(), everyDays = 2, lastDaysAgo = 0 } = {}) {
    const day = 86400000;
    const sessions = [];
    for (let i = count - 1; i >= 0; i--) {
        const started = now - (lastDaysAgo + i * everyDays) * day - 3600000 - (i % 5) * 600000;
        const finished = i % 4 !== 1;
        const roundsPlanned = i % 3 === 0 ? 3 : 2;
        const roundsDone = finished ? roundsPlanned : Math.min(1, roundsPlanned - 1);
        const durationMs = finished ? (14 + (i % 6)) * 60000 + (i * 7919) % 60000 : (4 + (i % 5)) * 60000;
        const reps = {};
        for (const [key, a, b] of KEYS) {
            const n = key === "monster-walk" ? 20 : key === "russian-twist" ? 12 : 10;
            const done = finished ? n * roundsPlanned : n * Math.max(roundsDone, key === "deadbug" ? 1 : 0);
            reps[key] = { [a]: done, [b]: done };
        }
        sessions.push({ id: `${started}-1`, started, ended: started + durationMs + 120000, durationMs,
                        roundsPlanned, roundsDone, finished, reps });
    }
    return { version: 1, sessions };
}

// For page.addInitScript: put a history (JSON text) in localStorage before the app loads, once.
export function seedScript(historyJson, extra = {}) {
    return `(() => {
        if (sessionStorage.getItem("seeded")) return;
        sessionStorage.setItem("seeded", "1");
        localStorage.setItem("bandCircuit.history", ${JSON.stringify(historyJson)});
        for (const [k, v] of Object.entries(${JSON.stringify(extra)})) localStorage.setItem(k, v);
    })();`;
}

// Drag with the mouse from (x, y0) to (x, y1) in small steps, as a finger would.
export async function drag(page, x, y0, y1, { steps = 10 } = {}) {
    await page.mouse.move(x, y0);
    await page.mouse.down();
    await page.mouse.move(x, y1, { steps });
    await page.mouse.up();
    await waitStill(page);
}

// Scroll the region holding `anchor` (a visible widget's label or a RegExp) by dragging, until the
// widget `label` is fully on screen; then press it.
export async function pressScrolled(page, label, { anchor = null, touch = false, tries = 24 } = {}) {
    const viewport = page.viewportSize();
    const matches = (w) => (label instanceof RegExp ? label.test(w.label) : w.label === label);
    for (let i = 0; i < tries; i++) {
        const all = await widgets(page);
        const found = all.find(matches);
        if (found && found.h >= 40) return press(page, label, { touch });
        // Drag inside the region: start on the anchor, or on the last widget above the bottom bar.
        const a = anchor ? await findWidget(page, anchor) : null;
        const x = a ? a.x + a.w / 2 : viewport.width / 2;
        const y = a ? a.y + a.h / 2 : viewport.height * 0.6;
        const distance = Math.min(200, Math.max(60, y - 80));
        await drag(page, x, y, y - distance);   // returns once any glide has settled
    }
    return press(page, label, { touch });
}
