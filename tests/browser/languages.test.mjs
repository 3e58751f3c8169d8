// The app in another language, as a runner whose phone is set to German or Russian meets it: the
// browser's language picks it before the first frame; every screen of the layout walk at the phone
// sizes keeps its controls whole and no label cut (German has the longest words, Russian another
// script); a guided set is spoken in the language, every utterance tagged with it; dates come from
// Intl in the language; the Language setting switches without a reload and keeps working offline;
// a browser whose language the app does not speak gets English, without an error.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { appCircuit, findWidget, launchBrowser, layoutOnlyPages, openApp, openClocked, press, pressInView, serveDist, state, widgets } from "./harness.mjs";
import { MOTION, SIZES, groupsByDpr, inspect, setSize, sizeName, walk, sizesAtStep } from "./layout-matrix.mjs";
import { makeHistory, seedScript } from "./screens-helpers.mjs";
import { readPo, speakGuidedSet } from "./languages-helpers.mjs";

layoutOnlyPages();   // no test here reads pixels (harness.mjs)

const TIME = new Date("2026-11-20T07:30:00");

let browser, server, exercises;   // exercises: the app's circuit (appCircuit)
before(async () => { browser = await launchBrowser(); server = await serveDist(); exercises = await appCircuit(browser, server.url); });
after(async () => { await browser?.close(); await server?.close(); });

const LANGUAGES = [
    { tag: "de", locale: "de-DE", weekday: /^(Mo|Di|Mi|Do|Fr|Sa|So)\.,/ },
    { tag: "ru", locale: "ru-RU", weekday: /^(пн|вт|ср|чт|пт|сб|вс),/ },
];
// The sizes of the layout matrix where words have the least room: the narrowest phone, the usual
// portrait phone, and a phone on its side; the larger sizes give words more room.
const MATRIX = SIZES.filter((s) => ["320x480", "360x640", "844x390"].includes(sizeName(s)));

for (const { tag, locale, weekday } of LANGUAGES) {
    const po = readPo(tag);
    const tr = (english) => {
        assert.ok(po.has(english) && po.get(english), `${tag}.po translates "${english}"`);
        return po.get(english);
    };

    // At DPR 1: the checks are in CSS pixels (layout.test.mjs draws one size at DPR 3 for the fonts).
    for (const group of groupsByDpr(MATRIX, () => 1)) {
        test(`${tag}: the browser's language picks it, and every screen at ${group.sizes.map(sizeName).join(", ")} keeps its words whole`, async () => {
            const first = group.sizes[0];
            const context = await browser.newContext({ viewport: { width: first.width, height: first.height }, deviceScaleFactor: group.dpr, locale });
            const seeded = async (page) => {
                await page.emulateMedia({ reducedMotion: MOTION });
                await page.addInitScript(seedScript(JSON.stringify(makeHistory(9, { exercises, now: TIME.getTime(), everyDays: 3 }))));
            };
            const { page, problems } = await openClocked(browser, server.url, { context, time: TIME, beforeLoad: seeded });
            const s = await state(page);
            assert.equal(s.language.active, tag, "the language of the browser, before the first frame");
            assert.equal(await page.evaluate(() => document.documentElement.lang), tag);
            assert.equal(s.language.missingGlyphs, 0, "every letter of the language is in the atlas, at every text size");
            const start = (await widgets(page)).find((w) => w.id === "Start");
            assert.equal(start.label, tr("Start"), "Start is shown in the language, and keeps its English id");
                        const failures = [];
            let stepIndex = 0;
            for await (const step of walk(page)) {
                for (const size of sizesAtStep(group.sizes, stepIndex++)) {
                    await setSize(page, size);
                    for (const problem of await inspect(page, size, step)) failures.push(`${sizeName(size)} ${step.name}: ${problem}`);
                }
            }
            assert.deepEqual(failures, []);
            assert.deepEqual(problems, []);
            await context.close();
        });
    }

    test(`${tag}: a guided set is spoken in the language, each utterance tagged with it`, async () => {
        const { context, page, problems, heard, said } = await speakGuidedSet(browser, server.url, locale, TIME);
        assert.ok(heard.length >= 4, `utterances: ${JSON.stringify(heard)}`);
        for (const h of heard) assert.equal(h.lang, tag, `"${h.text}" carries lang ${tag}`);
        assert.ok(said.includes(tr("Left leg, right arm")), `the first tempo part in ${tag}: ${said}`);
        assert.ok(said.includes(tr("and back")), `the way back in ${tag}: ${said}`);
        for (const english of ["Get ready", "Next:", "Left leg", "and back"]) assert.ok(!said.includes(english), `no English "${english}" in: ${said}`);
        // The screen too: the tempo word and the controls.
        const labels = (await widgets(page)).map((w) => w.label);
        assert.ok(labels.includes(tr("Pause")), `Pause in ${tag}: ${labels}`);
        assert.deepEqual(problems, []);
        await context.close();
    });

    test(`${tag}: dates in History come from Intl in the language`, async () => {
        const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale });
        const seeded = (page) => page.addInitScript(seedScript(JSON.stringify(makeHistory(3, { exercises, now: TIME.getTime() }))));
        const { page, problems } = await openClocked(browser, server.url, { context, time: TIME, beforeLoad: seeded });
        await press(page, "History");
        const rows = (await widgets(page)).filter((w) => /\d\d:\d\d/.test(w.label));
        assert.ok(rows.length >= 1, `history rows: ${(await widgets(page)).map((w) => w.label)}`);
        for (const row of rows) assert.match(row.label, weekday, `a date written the ${tag} way: ${row.label}`);
        assert.deepEqual(problems, []);
        await context.close();
    });
}

test("the Language setting switches without a reload, back again, and stays offline", async () => {
    const { context, page, problems } = await openApp(browser, server.url, { viewport: { width: 390, height: 844 } });
    await page.evaluate(() => { window.notReloaded = true; });
    assert.equal((await state(page)).language.active, "en");
    // The service worker is in charge, so the language file it fetches is kept for offline use.
    await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller, null, { timeout: 20000 });
    await press(page, "Settings");
    const de = readPo("de");
    await pressInView(page, "Deutsch");
    await page.waitForFunction(() => bandCircuit.state().language.active === "de", null, { timeout: 5000 });
    assert.equal(await page.evaluate(() => document.documentElement.lang), "de");
    assert.equal((await findWidget(page, "Back")).label, de.get("Back"));
    assert.equal(JSON.parse(await page.evaluate(() => localStorage.getItem("bandCircuit.settings"))).language, "de");
    assert.ok(await page.evaluate(() => window.notReloaded), "no reload");

    // Offline, a new visit starts in German from the service worker's copy.
    await context.setOffline(true);
    await page.reload();
    await page.waitForFunction(() => window.bandCircuit && bandCircuit.framesDrawn && bandCircuit.framesDrawn() > 0, null, { timeout: 20000 });
    await page.waitForFunction(() => bandCircuit.state().language.active === "de", null, { timeout: 10000 });
    assert.equal((await findWidget(page, "Start")).label, de.get("Start"));
    await context.setOffline(false);

    // And back to English, at once (English is built in).
    await press(page, "Settings");
    await pressInView(page, "English");
    await page.waitForFunction(() => bandCircuit.state().language.active === "en", null, { timeout: 5000 });
    assert.equal((await findWidget(page, "Back")).label, "Back");
    assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
    assert.deepEqual(problems.filter((p) => !p.includes("ERR_INTERNET_DISCONNECTED")), []);
    await context.close();
});

test("a language chosen in one tab is followed by the app open in another", async () => {
    const { context, page: a } = await openApp(browser, server.url, { viewport: { width: 390, height: 844 } });
    const { page: b } = await openApp(browser, server.url, { context });
    await a.bringToFront();
    await press(a, "Settings");
    await pressInView(a, "Русский");
    await a.waitForFunction(() => bandCircuit.state().language.active === "ru", null, { timeout: 5000 });
    // The other tab hears of the setting through the storage event, fetches the file and switches.
    await b.waitForFunction(() => bandCircuit.state().language.active === "ru", null, { timeout: 10000 });
    assert.equal((await findWidget(b, "Start")).label, readPo("ru").get("Start"));
    assert.equal(await b.evaluate(() => document.documentElement.lang), "ru");
    await context.close();
});

test("the plural forms generated from CLDR agree with the browser's Intl.PluralRules in every language", async () => {
    const { context, page } = await openApp(browser, server.url, { viewport: { width: 360, height: 640 } });
    const disagreements = await page.evaluate(() => {
        const ORDER = ["zero", "one", "two", "few", "many", "other"];   // the .po's order of forms (languages.py)
        const out = [];
        for (const tag of ["en", "es", "pt-BR", "fr", "de", "it", "ru", "pl", "tr", "id", "uk", "ar", "ja"]) {
            const rules = new Intl.PluralRules(tag);
            const categories = ORDER.filter((c) => rules.resolvedOptions().pluralCategories.includes(c));
            const size = Module.lengthBytesUTF8(tag) + 1, ptr = Module._malloc(size);
            Module.stringToUTF8(tag, ptr, size);
            for (const n of [...Array(300).keys(), 1000, 1001, 1000000, 2000000]) {
                const form = Module._bc_plural_form(ptr, n);
                if (categories[form] !== rules.select(n)) out.push(`${tag} ${n}: app ${categories[form]}, Intl ${rules.select(n)}`);
            }
            Module._free(ptr);
        }
        return out;
    });
    assert.deepEqual(disagreements, []);
    await context.close();
});

test("a browser in a language the app does not speak gets English, and no error", async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 640 }, locale: "nl-NL" });
    const requested = [];
    context.on("request", (r) => requested.push(r.url()));
    const { page, problems } = await openApp(browser, server.url, { context });
    const s = await state(page);
    assert.equal(s.language.active, "en");
    assert.equal(s.language.failed, null);
    assert.ok((await widgets(page)).some((w) => w.label === "Start"));
    assert.deepEqual(requested.filter((u) => u.includes("/lang/")), [], "no language file fetched");
    assert.deepEqual(problems, []);
    await context.close();
});

test("a language file that cannot be fetched leaves the app in English, and says so", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "de-DE" });
    await context.route("**/lang/de.bin", (route) => route.fulfill({ status: 503, body: "unavailable" }));
    const { page } = await openApp(browser, server.url, { context });
    await page.waitForFunction(() => bandCircuit.state().language.failed === "de", null, { timeout: 10000 });
    const s = await state(page);
    assert.equal(s.language.active, "en");
    assert.ok((await widgets(page)).some((w) => w.label === "Start"), "the app works, in English");
    await context.close();
});
