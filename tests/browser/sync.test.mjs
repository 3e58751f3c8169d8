// History beyond one browser: deleting a session, backing up through the share sheet (or a
// download) and restoring, and sync through a real CouchDB-compatible server (pouchdb-server,
// started here on loopback with an in-memory database; tests/browser/couch). Two browser contexts
// are two devices: each has its own storage. Every action is a real click on a drawn widget, or
// typing into the page's sync form; what is stored is read back from the real localStorage.
import { before, after } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { appCircuit, launchBrowser, serveDist, openApp, state, press as pressOnly, pressInView as pressInViewOnly, widgets, waitFor, waitInPage, storedJson, storedJsonWhen, layoutOnlyPages, testForPart } from "./harness.mjs";
import { makeHistory } from "./screens-helpers.mjs";
import { startCouch } from "./couch/server.mjs";

layoutOnlyPages();   // no test here reads pixels (harness.mjs)

let browser, server, couch, exercises;
before(async () => {
    browser = await launchBrowser();
    server = await serveDist();
    couch = await startCouch({ user: "runner", password: "secret" });
    exercises = await appCircuit(browser, server.url);
});
after(async () => { await browser?.close(); await server?.close(); await couch?.close(); });

// One round, one rep a set, self-paced, no waits: a whole session is a handful of "Done" taps.
const QUICK = {
    version: 1, rounds: 1, mode: "self-paced",
    reps: { deadbug: 1, dorsiflexion: 1, "trap-pull": 1, "monster-walk": 1, "russian-twist": 1 },
    getReadySec: 0, switchSidesSec: 0, restSec: 0, roundRestSec: 0, bandChangeRestSec: 0,
    cues: { sound: false, voice: false, vibration: false, flash: false }, theme: "system",
};

// A device: a browser context of its own (its own storage), seeded before its first page loads.
async function device(seed = {}, options = {}) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "en-GB", ...options });
    await context.addInitScript((items) => {
        if (localStorage.getItem("test.seeded")) return;
        localStorage.setItem("test.seeded", "1");
        for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v);
    }, { "bandCircuit.settings": JSON.stringify(QUICK), ...seed });
    const { page, problems } = await openApp(browser, server.url, { context });
    return { context, page, problems };
}

async function press(page, label) { await page.bringToFront(); return pressOnly(page, label); }
async function pressInView(page, label) { await page.bringToFront(); return pressInViewOnly(page, label); }
// The ids of the stored history, once it holds what the page shows (the write waits for the storage lock).
async function storedIds(page) {
    await page.waitForFunction(() => (JSON.parse(localStorage.getItem("bandCircuit.history") || "{}").sessions || []).length === bandCircuit.state().history.sessions);
    return ((await storedJson(page, "bandCircuit.history"))?.sessions || []).map((s) => s.id).sort();
}

// Start, and tap Done through every set until the finish screen.
async function finishSession(page) {
    await press(page, "Start");
    for (let i = 0; i < 60; i++) {
        if ((await state(page)).screen === "finish") return;
        if ((await widgets(page)).some((w) => w.label === "Done")) await press(page, "Done");
        else await waitInPage(page, () => bandCircuit.widgets().some((w) => w.label === "Done") || bandCircuit.state().screen === "finish");
    }
    throw new Error("the session did not finish");
}

// Settings, from wherever the page is.
async function toSettings(page) {
    const screen = (await state(page)).screen;
    if (screen === "settings") return;
    if (screen !== "home") await press(page, "Back");
    await press(page, "Settings");
}

// Settings > Set up sync (or Change account), the page's form filled in and sent.
async function setUpSync(page, { url = couch.url + "/bands", user = "runner", password = "secret" } = {}) {
    await toSettings(page);
    // Not while a run is under way: its status text moves the button (a failed run is tried again a minute later).
    const label = (await waitFor(page, ({ sync: s }) => !s || s.phase === "idle")).sync?.on ? "Change account" : "Set up sync";
    await pressInView(page, label);
    const form = page.locator("form.bc-sync");
    await form.locator("input[name=address]").fill(url);
    await form.locator("input[name=user]").fill(user);
    await form.locator("input[name=password]").fill(password);
    await form.locator("button[type=submit]").click();
    await form.waitFor({ state: "detached" });
}

// The last run ended well.
const syncedWell = ({ sync: s }) => s.phase === "idle" && !s.error && s.status.startsWith("Synced");
// The time of the last run that ended well, and a wait for a run that ends after it (or fails).
const lastSync = async (page) => (await state(page)).sync.lastSync;
const syncedSince = (page, since, { timeout = 20000 } = {}) =>
    waitFor(page, ({ sync: s }) => s.phase === "idle" && (s.lastSync > since || s.error), { timeout });
// The run that is under way (or wanted) has ended.
const syncSettled = (page, { timeout = 20000 } = {}) =>
    waitFor(page, ({ sync: s }) => s && s.phase === "idle" && s.status !== "", { timeout });
async function syncNow(page) {
    await page.bringToFront();
    await toSettings(page);
    const before = await lastSync(page);
    await pressInView(page, "Sync now");
    return syncedSince(page, before);
}
async function toHome(page) { if ((await state(page)).screen !== "home") await press(page, "Back"); }

testForPart(1, "two devices meet: sessions finished offline on one, a settings change on the other, a deletion that sticks", async () => {
    await couch.createDatabase("bands");
    const a = await device({ "bandCircuit.history": JSON.stringify(makeHistory(2, { exercises })) });   // a version 1 history: migrated
    const b = await device();
    await setUpSync(a.page);
    let s = await syncSettled(a.page);
    assert.equal(s.sync.error, false, s.sync.status);
    assert.deepEqual(Object.keys(await couch.docs("bands")).sort(), [...(await storedIds(a.page)), "settings"].sort());
    await setUpSync(b.page);
    s = await syncSettled(b.page);
    assert.equal(s.sync.error, false, s.sync.status);
    assert.deepEqual(await storedIds(b.page), await storedIds(a.page));

    // A goes offline and finishes a session; B changes the rounds.
    await a.context.setOffline(true);
    await toHome(a.page);
    await finishSession(a.page);
    await press(a.page, "Home");
    await waitFor(a.page, (x) => x.sync.status.startsWith("Offline"));
    assert.equal((await storedIds(a.page)).length, 3);
    const synced = await lastSync(b.page);
    await pressInView(b.page, "+ Rounds");
    await syncedSince(b.page, synced);
    assert.equal((await couch.doc("bands", "settings")).settings.rounds, 2);

    // A is back online: its session goes up, B's settings come down. Then B hears of A's session.
    await a.context.setOffline(false);
    await waitFor(a.page, syncedWell, { timeout: 20000 });
    await syncNow(b.page);
    assert.deepEqual(await storedIds(b.page), await storedIds(a.page));
    assert.equal((await storedJson(a.page, "bandCircuit.settings")).rounds, 2);
    assert.equal((await storedJson(b.page, "bandCircuit.settings")).rounds, 2);

    // B keeps a backup; A deletes its newest session (real taps in History).
    await press(b.page, "Back");
    await press(b.page, "History");
    const [download] = await Promise.all([b.page.waitForEvent("download"), press(b.page, "Back up")]);
    const backup = await (await download.createReadStream()).toArray().then((parts) => Buffer.concat(parts).toString());
    assert.equal(JSON.parse(backup).sessions.length, 3);
    await toHome(a.page);
    await press(a.page, "History");
    const newest = (await storedIds(a.page)).at(-1);
    // Rows are newest first; each is labelled with its date and time ("Tue 4 Jun 2024, 18:20").
    const row = await waitInPage(a.page, () => bandCircuit.widgets().filter((w) => /\d{4}, \d\d:\d\d$/.test(w.label)).sort((x, y) => x.y - y.y)[0]);
    await press(a.page, row.label);
    await pressInView(a.page, "Delete this session");
    const synced2 = await lastSync(a.page);
    await press(a.page, "Delete");
    await waitFor(a.page, (x) => x.history.sessions === 2);
    assert.equal((await syncedSince(a.page, synced2)).sync.error, false);
    assert.equal((await couch.doc("bands", newest, { deleted: true }))._deleted, true);
    await syncNow(b.page);
    assert.deepEqual(await storedIds(b.page), await storedIds(a.page));
    assert.ok((await storedJson(b.page, "bandCircuit.history")).deleted.some((d) => d.id === newest));

    // B restores its old backup: the deleted session stays deleted, here and on the server.
    await press(b.page, "Back");
    await press(b.page, "History");
    const [chooser] = await Promise.all([b.page.waitForEvent("filechooser"), press(b.page, "Restore")]);
    await chooser.setFiles({ name: "backup.json", mimeType: "application/json", buffer: Buffer.from(backup) });
    s = await waitFor(b.page, (x) => /^(Imported|Every session)/.test(x.notice?.text || ""));
    assert.match(s.notice.text, /1 you deleted stays deleted/);
    await syncNow(b.page);
    assert.equal((await storedIds(b.page)).includes(newest), false);
    assert.equal((await couch.doc("bands", newest, { deleted: true }))._deleted, true);
    assert.deepEqual(a.problems.filter((p) => !p.includes("net::ERR_INTERNET_DISCONNECTED")), []);
    assert.deepEqual(b.problems, []);
    await a.context.close();
    await b.context.close();
});

testForPart(2, "a settings conflict between two devices is merged the same way on both", async () => {
    await couch.createDatabase("settings");
    const url = couch.url + "/settings";
    const a = await device();
    const b = await device();
    await setUpSync(a.page, { url });
    await syncSettled(a.page);
    await setUpSync(b.page, { url });
    await syncSettled(b.page);
    // Both offline: A adds a round, B a weekly goal.
    await a.context.setOffline(true);
    await b.context.setOffline(true);
    await pressInView(a.page, "+ Rounds");
    await pressInView(b.page, "+ Weekly goal");
    // B's pull is answered with what the server held then; A's settings land before B writes its
    // own, so B's write carries a stale revision and CouchDB refuses it (409).
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    let answered = 0;
    await b.page.route((address) => address.pathname.endsWith("/settings/_changes"), async (route) => {
        const response = await route.fetch();
        await held;
        await route.fulfill({ response });
        answered++;
    });
    const conflicts = [];
    b.page.on("response", (response) => { if (response.url().endsWith("/settings/settings") && response.status() === 409) conflicts.push(response.request().method()); });
    // Only the page in front draws frames (as in a browser with two windows), and a run starts in a frame.
    const pulling = b.page.waitForRequest((request) => request.url().includes("/settings/_changes"));
    await b.page.bringToFront();
    await b.context.setOffline(false);
    await pulling;
    await a.page.bringToFront();
    await a.context.setOffline(false);
    await waitFor(a.page, syncedWell, { timeout: 20000 });
    release();
    await waitFor(b.page, syncedWell, { timeout: 20000 });
    assert.ok(answered >= 1);
    assert.deepEqual(conflicts, ["PUT"], "B's first write was refused");
    await syncNow(a.page);
    // Each browser keeps when each setting changed there ("changedAt", docs/saved-data.md): the settings themselves agree.
    const settingsOf = ({ changedAt, ...settings }) => settings;
    const onA = settingsOf(await storedJson(a.page, "bandCircuit.settings")), onB = settingsOf(await storedJson(b.page, "bandCircuit.settings"));
    assert.equal(onA.rounds, 2);
    assert.equal(onA.weeklyGoal, 3);
    assert.deepEqual(onB, onA);
    assert.deepEqual((await couch.doc("settings", "settings")).settings, onA);
    await a.context.close();
    await b.context.close();
});

// A server of the test's own that answers each request as told: garbage, an error, a redirect, a
// huge answer, or nothing for a long time.
async function hostileServer(answer) {
    const hostile = http.createServer((request, response) => {
        response.setHeader("Access-Control-Allow-Origin", request.headers.origin || "*");
        response.setHeader("Access-Control-Allow-Headers", "authorization,content-type,accept");
        response.setHeader("Access-Control-Allow-Methods", "GET,PUT,POST");
        if (request.method === "OPTIONS") { response.writeHead(204); response.end(); return; }
        answer(request, response);
    });
    await new Promise((resolve) => hostile.listen(0, "127.0.0.1", resolve));
    return { url: `http://127.0.0.1:${hostile.address().port}`, close: () => new Promise((resolve) => { hostile.closeAllConnections(); hostile.close(resolve); }) };
}

testForPart(3, "a wrong password, a server that is down and a server that answers garbage each say so and change nothing stored", async () => {
    await couch.createDatabase("guarded");
    const { context, page } = await device({ "bandCircuit.history": JSON.stringify(makeHistory(3, { exercises })) });
    const history = await page.evaluate(() => localStorage.getItem("bandCircuit.history"));
    const settings = await page.evaluate(() => localStorage.getItem("bandCircuit.settings"));
    const unchanged = async () => {
        assert.equal(await page.evaluate(() => localStorage.getItem("bandCircuit.history")), history);
        assert.equal(await page.evaluate(() => localStorage.getItem("bandCircuit.settings")), settings);
        assert.equal((await state(page)).history.sessions, 3);
    };
    const failure = async () => {
        const s = await waitFor(page, ({ sync: s }) => s && s.phase === "idle" && s.error, { timeout: 40000 });
        return s.sync.status;
    };

    await setUpSync(page, { url: couch.url + "/guarded", password: "wrong" });
    assert.match(await failure(), /refused the user name or password \(401\)/);
    await unchanged();
    // The message shows in Settings, where the account is.
    assert.ok((await widgets(page)).some((w) => /refused the user name or password/.test(w.label) || /refused/.test(w.text || "")) ||
              (await page.evaluate(() => document.getElementById("a11y").textContent)).includes("refused the user name"));

    const closed = await hostileServer(() => {});
    const downUrl = closed.url;
    await closed.close();
    await setUpSync(page, { url: downUrl + "/bands" });
    assert.match(await failure(), /could not be reached/);
    await unchanged();

    const cases = [
        { answer: (q, r) => { r.writeHead(200, { "Content-Type": "application/json" }); r.end("<html>not json</html>"); }, message: /answer could not be read.*not valid JSON/ },
        { answer: (q, r) => { r.writeHead(200, { "Content-Type": "application/json" }); r.end(JSON.stringify({ results: [{ id: "x", changes: [{ rev: "1-a" }] }], last_seq: 5 })); }, message: /answer could not be read.*"doc"/ },
        { answer: (q, r) => { r.writeHead(200, { "Content-Type": "application/json" }); r.end(JSON.stringify({ results: "everything", last_seq: 5 })); }, message: /answer could not be read/ },
        { answer: (q, r) => { r.writeHead(500); r.end("{}"); }, message: /answered with an error \(500\)/ },
        { answer: (q, r) => { r.writeHead(302, { Location: "https://example.org/" }); r.end(); }, message: /redirect/ },
        { answer: (q, r) => { r.writeHead(200, { "Content-Type": "application/json" }); r.end("[" + "1,".repeat(3 * 1024 * 1024) + "1]"); }, message: /too large/ },
    ];
    for (const { answer, message } of cases) {
        const hostile = await hostileServer(answer);
        try {
            await setUpSync(page, { url: hostile.url + "/bands" });
            assert.match(await failure(), message);
            await unchanged();
            assert.equal((await storedJson(page, "bandCircuit.sync")).since, "", "no checkpoint taken from a bad answer");
        } finally {
            await hostile.close();   // a server left open would keep this test file from ever ending
        }
    }

    // Forget: the account and password leave the device; the history stays.
    await pressInView(page, "Forget account");
    await waitFor(page, (x) => x.sync === null || !x.sync.on);
    assert.equal(await page.evaluate(() => localStorage.getItem("bandCircuit.sync")), null);
    await unchanged();
    await context.close();
});

testForPart(3, "a backup goes to the share sheet where the browser can share files, and restores into an empty browser", async () => {
    // Chromium on Linux has no share sheet: the test stands in for a phone's, and keeps what it was given.
    const spy = () => {
        window.shared = [];
        navigator.canShare = (data) => !!(data && data.files && data.files.length === 1 && data.files[0] instanceof File);
        navigator.share = async (data) => { window.shared.push({ name: data.files[0].name, text: await data.files[0].text() }); };
    };
    const a = await device({ "bandCircuit.history": JSON.stringify(makeHistory(4, { exercises })) });
    await a.page.addInitScript(spy);
    await a.page.reload();
    await a.page.waitForFunction(() => window.bandCircuit && bandCircuit.framesDrawn && bandCircuit.framesDrawn() > 0);
    await press(a.page, "History");
    await press(a.page, "Back up");
    const s = await waitFor(a.page, (x) => /^Backed up/.test(x.notice?.text || ""));
    assert.match(s.notice.text, /^Backed up 4 sessions as band-circuit-history-\d{4}-\d\d-\d\d\.json\.$/);
    const shared = await a.page.evaluate(() => window.shared);
    assert.equal(shared.length, 1);
    // Written under the storage lock, a moment after the notice.
    assert.ok((await storedJsonWhen(a.page, "bandCircuit.history", (h) => h?.backedUp > 0)).backedUp > 0, "the backup's time is kept");
    assert.ok(!shared[0].text.includes("password"));

    const fresh = await device();
    await press(fresh.page, "History");
    const [chooser] = await Promise.all([fresh.page.waitForEvent("filechooser"), press(fresh.page, "Restore")]);
    await chooser.setFiles({ name: shared[0].name, mimeType: "application/json", buffer: Buffer.from(shared[0].text) });
    await waitFor(fresh.page, (x) => x.history.sessions === 4);
    assert.deepEqual(await storedIds(fresh.page), await storedIds(a.page));
    await a.context.close();
    await fresh.context.close();
});

testForPart(3, "Safari in a tab shows the note on keeping the history once, until dismissed", async () => {
    const safari = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
    const { context, page } = await device({ "bandCircuit.history": JSON.stringify(makeHistory(1, { exercises })) }, { userAgent: safari });
    assert.ok((await widgets(page)).some((w) => w.label === "Got it"), "the note's button on Home");
    await press(page, "Got it");
    await waitInPage(page, () => !bandCircuit.widgets().some((w) => w.label === "Got it"));
    assert.ok(await page.evaluate(() => localStorage.getItem("bandCircuit.homeScreenNote")));
    await page.reload();
    await page.waitForFunction(() => window.bandCircuit && bandCircuit.framesDrawn && bandCircuit.framesDrawn() > 0);
    assert.equal((await widgets(page)).some((w) => w.label === "Got it"), false);
    await context.close();

    // Chromium (and an installed app) keep storage: no note.
    const other = await device({ "bandCircuit.history": JSON.stringify(makeHistory(1, { exercises })) });
    assert.equal((await widgets(other.page)).some((w) => w.label === "Got it"), false);
    await other.context.close();
});
