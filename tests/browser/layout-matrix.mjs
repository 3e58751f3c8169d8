// The layout matrix, shared by layout.test.mjs (which checks it) and screens.mjs (which photographs
// it): twelve viewport sizes from a 320x480 phone to a 2560x1440 monitor, at device pixel ratios
// 1 to 3, some with the safe-area insets of a notched phone, two zoomed pages (400 % and 200 %) and
// three phones at the largest text size (200 %); a walk through every screen and state
// of the app under Playwright's fake clock; and the checks one frame must pass at one size:
// every control fully on screen (or in a scroll region that can bring it fully into view) with a
// target of at least 44 CSS px, no text over other text or cut off, and nothing interactive inside
// the safe-area insets.
import { fullyVisible, key, matches, press, pressInView, scrollIntoView, scrollToTop, state, widgets } from "./actions.mjs";

// insets: what a notch, rounded corners or a home indicator take (CSS px), set through the
// --safe-* custom properties of web/style.css as a notched phone's browser would set env().
export const SIZES = [
    { width: 320, height: 480, dpr: 2 },
    { width: 360, height: 640, dpr: 3, ownDpr: true },
    { width: 390, height: 844, dpr: 3, insets: { top: 47, bottom: 34 } },
    { width: 568, height: 320, dpr: 2 },
    { width: 667, height: 375, dpr: 2 },
    { width: 740, height: 360, dpr: 3, insets: { left: 32 } },
    { width: 844, height: 390, dpr: 3, insets: { left: 47, right: 47, bottom: 21 } },
    { width: 915, height: 356, dpr: 2, insets: { left: 24, right: 24 } },
    { width: 1024, height: 768, dpr: 1 },
    { width: 1280, height: 800, dpr: 1 },
    { width: 1920, height: 1080, dpr: 1 },
    { width: 2560, height: 1440, dpr: 1 },
    // 400 % browser zoom on a 1280x1024 screen, and 200 % on a small laptop.
    { width: 320, height: 256, dpr: 4 },
    { width: 640, height: 400, dpr: 2 },
    // The largest text size (the browser's, as Android's text scaling sets the root font size).
    { width: 360, height: 640, dpr: 3, text: 200 },
    { width: 390, height: 844, dpr: 3, text: 200, insets: { top: 47, bottom: 34 } },
    { width: 844, height: 390, dpr: 3, text: 200, insets: { left: 47, right: 47, bottom: 21 } },
];

export const sizeName = (size) => `${size.width}x${size.height}${size.text ? ` text ${size.text}%` : ""}`;

// The checks are in CSS pixels, and the layout is too, so the checks draw most sizes at DPR 1:
// a software renderer pays for every device pixel, and 390x844 at DPR 3 has nine times as many as
// at DPR 1. The size marked ownDpr is drawn at its own ratio, for the fonts rasterised at it.
// (Screenshots use each size's own ratio.)
export const checkedDpr = (size) => (size.ownDpr ? size.dpr : 1);

// One browser context per device pixel ratio; the sizes within it are reached by resizing.
export function groupsByDpr(sizes = SIZES, dprOf = (size) => size.dpr) {
    const groups = new Map();
    for (const size of sizes) {
        const dpr = dprOf(size);
        if (!groups.has(dpr)) groups.set(dpr, []);
        groups.get(dpr).push(size);
    }
    return [...groups.entries()].map(([dpr, list]) => ({ dpr, sizes: list }));
}

const SIDES = ["top", "right", "bottom", "left"];
export const insetsOf = (size) => Object.fromEntries(SIDES.map((k) => [k, (size.insets && size.insets[k]) || 0]));

// Resize the viewport, set the insets and the browser's text size (the root font size), then wait
// until the app has drawn for them (the browser's resize event comes in real time, which a loaded
// machine can delay; the app looks at the text size once a second).
export async function setSize(page, size) {
    await page.setViewportSize({ width: size.width, height: size.height });
    const insets = insetsOf(size);
    const text = size.text || 100;
    await page.evaluate(([i, t]) => {
        for (const [side, px] of Object.entries(i)) document.documentElement.style.setProperty(`--safe-${side}`, `${px}px`);
        document.documentElement.style.fontSize = t === 100 ? "" : `${(16 * t) / 100}px`;
    }, [insets, text]);
    for (let i = 0; i < 200; i++) {
        await page.clock.runFor(20);
        const s = await state(page), layout = s.layout;
        if (s.textSize !== text) { await page.clock.runFor(200); continue; }
        if (layout.width === size.width && layout.height === size.height && SIDES.every((k) => Math.abs(layout.safeArea[k] - insets[k]) < 0.5)) {
            await page.clock.runFor(40);   // and settled: Dear ImGui sizes some things a frame late
            return;
        }
        await page.waitForTimeout(10);
    }
    throw new Error(`the app did not redraw at ${sizeName(size)}`);
}

// The order a walk visits its sizes at each step: the sizes drawn at the same scale next to each
// other (text size, then area: a larger window draws larger), forth at one step and back at the
// next, so the app rebuilds its font atlas for a new scale as seldom as it can (an atlas of Japanese
// glyphs is most of a step's time).
export function sizesAtStep(sizes, stepIndex) {
    const ordered = [...sizes].sort((a, b) => (a.text || 100) - (b.text || 100) || a.width * a.height - b.width * b.height);
    return stepIndex % 2 ? ordered.reverse() : ordered;
}

// The walk runs with reduced motion: exercise pages open paused and sets show key poses, so the
// app draws a frame only when something changes (the layout is the same either way), which keeps
// the matrix quick at 2560x1440 in a software renderer.
export const MOTION = "reduce";

// The layout checks read what the app laid out (widgets(), texts()), not pixels: frames need not be
// drawn, and at a monitor's size a software renderer is most of a walk's time.
export const layoutOnly = (page) => page.evaluate(() => bandCircuit.setDrawing(false));

// --- The walk: every screen and state. Each step leaves the app in a state and says what must
// be on screen: `need` labels fully visible without scrolling, `reach` labels that scrolling must
// bring fully into view, `clock` the session's time drawn large.

const SESSION_CONTROLS = ["End", "Back", "Skip"];
// A history row: its date and time ("Tue 4 Jun 2024, 18:20" in English, Intl's in another language).
const SESSION_ROW = /\d{4}.*\d?\d:\d\d|\d?\d:\d\d.*\d{4}/;

async function skipUntil(page, predicate, limit = 40) {
    for (let i = 0; i < limit; i++) {
        const s = await state(page);
        if (predicate(s)) return s;
        await key(page, "ArrowRight");
    }
    throw new Error("the session never reached the expected step");
}

export async function* walk(page) {
    // On a small page (the largest text size) home scrolls as one column: its navigation is reached.
    yield { name: "home", screen: "home", need: ["2 rounds", "3 rounds"], reach: ["Guided", "Self-paced", "Start", "History", "Settings", "About"] };

    // Each exercise's page: its sides' buttons, or (one set worked by both sides) Reset view.
    for (const [i, { name }] of (await state(page)).exercises.entries()) {
        await pressInView(page, name);
        const sides = (await state(page)).demo.sides.map((side) => side.button);
        yield { name: `exercise-${i + 1}`, screen: "exercise", need: ["Back"], reach: ["Play", ...(sides.length ? sides : ["Reset view"])] };
        await pressInView(page, "Back");
    }

    await pressInView(page, "History");
    const row = (await widgets(page)).find((w) => SESSION_ROW.test(w.label));
    if (row) await pressInView(page, row.label);   // one session's reps shown
    yield { name: "history", screen: "history", need: ["Back", "Back up", "Restore"] };
    await press(page, "Back");

    await pressInView(page, "Settings");
    yield { name: "settings", screen: "settings", need: ["Back"], reach: ["− Rounds", "Dark"] };
    await pressInView(page, "Reset all data");
    yield { name: "settings-reset", screen: "settings", need: ["Back"], reach: ["Delete everything", "Cancel"] };
    await pressInView(page, "Cancel");
    await press(page, "Back");

    await pressInView(page, "About");
    yield { name: "about", screen: "about", need: ["Back"] };
    await press(page, "Back");

    // A guided session, through each kind of step. On a page too small for its blocks the session
    // scrolls as one column (the largest text size, a browser zoomed in): its controls are reached.
    await pressInView(page, "Guided");
    await pressInView(page, "Start");
    yield { name: "get-ready", screen: "session", clock: true, phase: "get-ready", reach: [...SESSION_CONTROLS, "Pause"] };
    await skipUntil(page, (s) => s.session.phase === "work");
    yield { name: "guided-set", screen: "session", clock: true, phase: "work", reach: [...SESSION_CONTROLS, "Pause"] };
    await pressInView(page, "Pause");
    yield { name: "paused", screen: "session", clock: true, reach: [...SESSION_CONTROLS, "Resume"] };
    await pressInView(page, "Resume");
    await skipUntil(page, (s) => s.session.phase === "rest");
    yield { name: "rest", screen: "session", clock: true, phase: "rest", reach: [...SESSION_CONTROLS, "Pause"] };
    await skipUntil(page, (s) => s.session.phase === "switch");
    yield { name: "switch", screen: "session", clock: true, phase: "switch", reach: [...SESSION_CONTROLS, "Pause"] };
    await skipUntil(page, (s) => s.session.phase === "round-rest");
    yield { name: "round-rest", screen: "session", clock: true, phase: "round-rest", reach: [...SESSION_CONTROLS, "Pause"] };
    await pressInView(page, "End");
    yield { name: "end-confirmation", screen: "session", reach: ["End session", "Keep going"] };
    await pressInView(page, "End session");
    yield { name: "finish", screen: "finish", need: ["Home", "History"] };
    await pressInView(page, "Home");

    // A self-paced set: Done joins the controls.
    await pressInView(page, "Self-paced");
    await pressInView(page, "Start");
    await skipUntil(page, (s) => s.session.phase === "work");
    yield { name: "self-paced-set", screen: "session", clock: true, phase: "work", reach: [...SESSION_CONTROLS, "Pause", "Done"] };
    await pressInView(page, "End");
    await pressInView(page, "End session");
    await pressInView(page, "Home");
    await pressInView(page, "Guided");
}

// --- The checks for one frame at one size. Returns a list of problems (empty when all is well).

const EPS = 0.6;
const inside = (r, box, eps = EPS) => r.x >= box.x - eps && r.y >= box.y - eps && r.x + r.w <= box.x + box.w + eps && r.y + r.h <= box.y + box.h + eps;
const intersect = (a, b) => {
    const x = Math.max(a.x, b.x), y = Math.max(a.y, b.y);
    const w = Math.min(a.x + a.w, b.x + b.w) - x, h = Math.min(a.y + a.h, b.y + b.h) - y;
    return { x, y, w, h };
};
const fmt = (r) => `[${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.w)}x${Math.round(r.h)}]`;

export function safeRect(size) {
    const i = insetsOf(size);
    return { x: i.left, y: i.top, w: size.width - i.left - i.right, h: size.height - i.top - i.bottom };
}

export async function inspect(page, size, step) {
    const problems = [];
    if (step.clock) await scrollToTop(page);   // the session's time is checked as the screen first shows it
    const safe = safeRect(size);
    const s = await state(page);
    if (s.screen !== step.screen) problems.push(`screen is ${s.screen}, expected ${step.screen}`);
    if (step.phase && s.session && s.session.phase !== step.phase) problems.push(`phase is ${s.session.phase}, expected ${step.phase}`);
    const insets = insetsOf(size);
    for (const side of SIDES) {
        if (Math.abs(s.layout.safeArea[side] - insets[side]) > 0.5) problems.push(`app sees safe-area ${side} ${s.layout.safeArea[side]}, set ${insets[side]}`);
    }

    // Controls: whole, on screen, out of the insets, at least 44 px; in a scroll region, able to
    // come whole into view (it fits the region, which is itself on screen).
    const all = await widgets(page);
    for (const w of all) {
        const it = w.item;
        const name = `"${w.label}" ${fmt(it)}`;
        if (it.w < 44 - EPS || it.h < 44 - EPS) problems.push(`${name} is smaller than 44 px`);
        if (w.scroll === null) {
            if (!fullyVisible(w)) problems.push(`${name} is cut off (visible ${fmt(w)})`);
            if (!inside(it, safe)) problems.push(`${name} is not inside the safe area ${fmt(safe)}`);
        } else {
            if (!inside(w.scroll, safe)) problems.push(`scroll region ${fmt(w.scroll)} of ${name} is not inside the safe area`);
            if (it.x < w.scroll.x - EPS || it.x + it.w > w.scroll.x + w.scroll.w + EPS) problems.push(`${name} is wider than its scroll region ${fmt(w.scroll)}`);
            if (it.h > w.scroll.h + EPS) problems.push(`${name} is taller than its scroll region ${fmt(w.scroll)}`);
        }
    }
    // Neighbouring controls at least 8 px apart (a finger meant for one does not land on the other):
    // two controls side by side or one above the other, the gap between what is shown of them (a
    // card scrolled half out of its region ends at the region's edge).
    const onScreen = all.filter((w) => w.w > 0 && w.h > 0);
    for (let i = 0; i < onScreen.length; i++) {
        for (let j = i + 1; j < onScreen.length; j++) {
            const a = onScreen[i], b = onScreen[j];
            const gapX = Math.max(b.x - (a.x + a.w), a.x - (b.x + b.w));
            const gapY = Math.max(b.y - (a.y + a.h), a.y - (b.y + b.h));
            const beside = gapY < 0 && gapX > -EPS && gapX < 8 - EPS, above = gapX < 0 && gapY > -EPS && gapY < 8 - EPS;
            if (beside || above) problems.push(`"${onScreen[i].label}" ${fmt(a)} and "${onScreen[j].label}" ${fmt(b)} are ${Math.round(Math.max(gapX, gapY))} px apart`);
        }
    }
    for (const label of step.need || []) {
        const w = all.find((x) => matches(x, label));
        if (!w) problems.push(`"${label}" is not on screen`);
        else if (!fullyVisible(w)) problems.push(`"${label}" is not fully visible without scrolling`);
    }

    // Text: nothing cut off (except at the top or bottom of a scroll region), nothing over other text.
    const texts = await page.evaluate(() => bandCircuit.texts());
    const shown = [];
    for (const t of texts) {
        const name = `text "${t.text}" ${fmt(t)}`;
        if (t.trimmed) problems.push(`${name} is cut off by its frame`);
        const clip = t.clip;
        if (t.inScroll) {
            if (t.x < clip.x - 1 || t.x + t.w > clip.x + clip.w + 1) problems.push(`${name} runs out of its scroll region ${fmt(clip)}`);
        } else if (!inside(t, clip, 1)) {
            problems.push(`${name} is clipped by ${fmt(clip)}`);
        }
        const visible = intersect(t, clip);
        if (visible.w <= 0 || visible.h <= 0) continue;
        if (!inside(visible, safe, 1)) problems.push(`${name} lies in the safe-area insets`);
        for (const other of shown) {
            const o = intersect(visible, other.visible);
            if (o.w > 1 && o.h > 1) problems.push(`${name} overlaps text "${other.t.text}" ${fmt(other.t)}`);
        }
        shown.push({ t, visible });
    }
    if (texts.length === 0) problems.push("no text drawn");
    // The session's time, big enough to read from the floor: its digits at least 24 px tall.
    if (step.clock) {
        const clocks = texts.filter((t) => /^\d+ ?:\d\d$/.test(t.text));   // texts() reads "1:00" as "1 :00" (a narrow 1 leaves a gap)
        const tallest = Math.max(0, ...clocks.map((t) => t.h));
        if (tallest < 24) problems.push(clocks.length ? `the session's time is only ${Math.round(tallest)} px tall` : "the session's time is not drawn");
    }

    // Labels that scrolling must bring into view, whole (those already whole on screen as they are).
    // Once anything was scrolled, every list goes back to its top, as the next size expects to find
    // the screen.
    let scrolled = false;
    for (const label of step.reach || []) {
        const shown = all.find((x) => matches(x, label));
        const w = !scrolled && shown && fullyVisible(shown) ? shown : await scrollIntoView(page, label);
        scrolled ||= w !== shown;
        if (!w) problems.push(`"${label}" cannot be scrolled fully into view`);
        else if (!inside(w, safe)) problems.push(`"${label}" scrolled into view lies outside the safe area`);
    }
    if (scrolled) await scrollToTop(page);
    return problems;
}
