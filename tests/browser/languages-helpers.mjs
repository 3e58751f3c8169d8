// What the language tests share: a .po file read as the app's translations, a spy on the voice,
// and Arabic as plain letters.
import fs from "node:fs";
import { openClocked, press } from "./harness.mjs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));

// A .po file as a map from its English (with "context\u0004" in front when it has one) to the
// translation (the first form of a plural entry).
export function readPo(tag) {
    const text = fs.readFileSync(path.resolve(HERE, `../../assets/lang/${tag}.po`), "utf8");
    const map = new Map();
    let entry = {}, field = null;
    const flush = () => {
        if (entry.msgid) map.set((entry.msgctxt !== undefined ? entry.msgctxt + "\u0004" : "") + entry.msgid, entry.msgstr ?? entry["msgstr[0]"]);
        entry = {};
    };
    for (const line of text.split("\n")) {
        const m = line.match(/^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d\])?) "(.*)"$/);
        if (m) {
            if (m[1] === "msgctxt" || (m[1] === "msgid" && "msgid" in entry)) flush();
            field = m[1];
            entry[field] = JSON.parse(`"${m[2]}"`);
        } else if (line.startsWith('"') && field) {
            entry[field] += JSON.parse(line);
        } else if (line.trim() === "") {
            field = null;
        }
    }
    flush();
    return map;
}

// Spies installed before the app loads: every utterance with its language, and a voice for it.
export const speechSpy = (voiceLang) => (page) => page.addInitScript((lang) => {
    window.heard = [];
    speechSynthesis.speak = (u) => window.heard.push({ text: u.text, lang: u.lang });
    speechSynthesis.cancel = () => {};
    speechSynthesis.getVoices = () => [{ name: "Test voice", lang, localService: true, default: true }];
}, voiceLang);

// The app draws Arabic shaped (presentation forms); what it says and reports to screen readers is
// plain letters: the same as web/app.js's languages.plain().
export const plain = (text) => text.replace(/[\uFB50-\uFDFF\uFE70-\uFEFF]+/g, (forms) => forms.normalize("NFKC"));

// A guided set in the browser language `locale`, with the voice spied on: the get-ready, then two
// reps of the deadbug. What was said (each utterance with its lang), and the page.
export async function speakGuidedSet(browser, url, locale, time) {
    const context = await browser.newContext({ viewport: { width: 360, height: 640 }, locale });
    const { page, problems } = await openClocked(browser, url, { context, time, beforeLoad: speechSpy(locale) });
    await press(page, "Start");
    await page.clock.runFor(10000 + 6000);
    const heard = await page.evaluate(() => window.heard);
    return { context, page, problems, heard, said: heard.map((h) => h.text).join(" | ") };
}
