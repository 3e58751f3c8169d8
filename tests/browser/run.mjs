// The browser-test runner that `./dev.sh test` calls: every test file is a job (a long file in
// several parts, each with TEST_PART=k/n), run as its own `node --test` process with its own
// browser, BROWSER_JOBS at once (default 4: on two cores more only take turns), the longest first.
//
//   node tests/browser/run.mjs [chromium] [firefox] [webkit]     (none named: all three)
//
// Chromium runs every *.test.mjs here plus the core scenarios (engines/chromium.test.mjs); Firefox
// and WebKit run the core scenarios. Each job's output goes to build/browser/<job>.log; a failed
// job's log is printed whole. At the end: each job's time, the slowest tests, and one line
// "browser: N passed, M failed" (also written to build/browser/counts). Exit status 1 on a failure.
// A Firefox or WebKit job whose WebDriver session was lost (the engine's browser went away) runs
// once more, and the run says so; any other failure stands.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "../..");
const OUT = path.join(ROOT, "build", "browser");
const TIMES = path.join(OUT, "times.json");   // seconds each job took last time: the order of the next run
const JOBS = Math.max(1, Number(process.env.BROWSER_JOBS) || 4);
const JOB_LIMIT_S = Number(process.env.BROWSER_JOB_LIMIT_S) || 900;   // no job takes a third of this
// Files whose tests are spread over parts (test files read TEST_PART through harness.mjs's inPart).
const PARTS = { "layout.test.mjs": 3, "storage.test.mjs": 2, "arabic-japanese.test.mjs": 2, "sync.test.mjs": 3 };

const engines = process.argv.slice(2).length ? process.argv.slice(2) : ["chromium", "firefox", "webkit"];
for (const e of engines) if (!["chromium", "firefox", "webkit"].includes(e)) throw new Error(`unknown engine ${e}`);

const jobs = [];
for (const engine of engines) {
    const files = engine === "chromium"
        ? [...fs.readdirSync(HERE).filter((f) => f.endsWith(".test.mjs")).sort(), "engines/chromium.test.mjs"]
        : [`engines/${engine}.test.mjs`];
    for (const file of files) {
        const parts = PARTS[file] || 1;
        for (let k = 1; k <= parts; k++) {
            const name = (parts > 1 ? `${file.replace(/\.test\.mjs$/, "")}-${k}` : file.replace(/\.test\.mjs$/, "")).replace("/", "-");
            jobs.push({ name, file, part: parts > 1 ? `${k}/${parts}` : "" });
        }
    }
}
fs.mkdirSync(OUT, { recursive: true });
// Seconds each job took in a full run on a 2-core machine: the order of a first run (a fresh clone);
// later runs go by build/browser/times.json. A job not listed goes first.
const EXPECTED = { "layout-1": 270, languages: 230, "arabic-japanese-1": 175, "layout-3": 160, a11y: 140, screens: 135, "layout-2": 135,
                   "arabic-japanese-2": 130, session: 110, "storage-1": 110, coach: 90, "storage-2": 85, "engines-chromium": 80,
                   "engines-firefox": 70, figures: 80, foundation: 80, "engines-webkit": 50, pwa: 45, "sync-1": 80, "sync-2": 75, "sync-3": 55, "japanese-fonts": 55 };
let lastTimes = {};
try { lastTimes = JSON.parse(fs.readFileSync(TIMES, "utf8")); } catch { /* a first run */ }
const expected = (job) => lastTimes[job.name] ?? EXPECTED[job.name] ?? 1e9;
jobs.sort((a, b) => expected(b) - expected(a));

function run(job) {
    return new Promise((resolve) => {
        const log = path.join(OUT, `${job.name}.log`);
        const out = fs.openSync(log, "w");
        const started = Date.now();
        const env = { ...process.env, DIST: process.env.DIST || path.join(ROOT, "dist"), TEST_PART: job.part };
        const child = spawn(process.execPath, ["--test", "--test-concurrency=1", "--test-reporter=spec", job.file],
                            { cwd: HERE, env, stdio: ["ignore", out, out] });
        // A job that never ends (a test left a server or a browser open after it failed) is stopped
        // and counted as failed, so the run ends and says which one it was.
        let overtime = false;
        const limit = setTimeout(() => { overtime = true; child.kill("SIGTERM"); setTimeout(() => child.kill("SIGKILL"), 10000).unref(); }, JOB_LIMIT_S * 1000);
        child.on("close", (code) => {
            clearTimeout(limit);
            fs.closeSync(out);
            if (overtime) fs.appendFileSync(log, `\n✖ the job ran past ${JOB_LIMIT_S} s and was stopped\n`);
            const text = fs.readFileSync(log, "utf8");
            const count = (key) => Number((text.match(new RegExp(`^ℹ ${key} (\\d+)`, "m")) || [0, 0])[1]);
            const tests = [...text.matchAll(/^([✔✖]) (.*) \(([\d.]+)ms\)$/gm)].map((m) => ({ ok: m[1] === "✔", name: m[2], ms: Number(m[3]) }));
            resolve({ ...job, code, log, text, seconds: Math.round((Date.now() - started) / 1000),
                      pass: count("pass"), fail: count("fail") + count("cancelled") + ((code !== 0 || overtime) && count("fail") === 0 ? 1 : 0), tests });
        });
    });
}

const started = Date.now();
const queue = [...jobs];
const results = [];
await Promise.all(Array.from({ length: Math.min(JOBS, queue.length) }, async () => {
    while (queue.length) {
        const job = queue.shift();
        console.log(`== ${job.name}${job.part ? ` (part ${job.part})` : ""}`);
        let result = await run(job);
        // Firefox's and WebKit's drivers lose their browser now and then on a loaded machine (the
        // WebDriver session is gone: "invalid session id"): such a job runs once more, and says so.
        if (result.fail > 0 && job.file.startsWith("engines/") && /invalid session id|no such window|session deleted/i.test(result.text)) {
            console.log(`   ${job.name}: its browser went away mid-test (WebDriver session lost); running it again`);
            fs.renameSync(result.log, result.log.replace(/\.log$/, ".lost-session.log"));
            result = await run(job);
        }
        console.log(`   ${job.name}: ${result.pass} passed, ${result.fail} failed in ${result.seconds} s`);
        results.push(result);
    }
}));

for (const r of results.filter((x) => x.fail > 0)) {
    console.log(`\n==== ${r.name} failed: ${path.relative(ROOT, r.log)}\n`);
    console.log(r.text);
}
const times = Object.fromEntries(results.map((r) => [r.name, r.seconds]));
fs.writeFileSync(TIMES, JSON.stringify({ ...lastTimes, ...times }, null, 1));
console.log("\nJobs (seconds):");
for (const r of [...results].sort((a, b) => b.seconds - a.seconds)) console.log(`  ${String(r.seconds).padStart(5)}  ${r.name}${r.fail ? "  FAILED" : ""}`);
console.log("Slowest tests:");
for (const t of results.flatMap((r) => r.tests.map((t) => ({ ...t, job: r.name }))).sort((a, b) => b.ms - a.ms).slice(0, 8))
    console.log(`  ${String(Math.round(t.ms / 1000)).padStart(5)} s  ${t.job}: ${t.name}`);
const pass = results.reduce((s, r) => s + r.pass, 0), fail = results.reduce((s, r) => s + r.fail, 0);
console.log(`browser: ${pass} passed, ${fail} failed in ${Math.round((Date.now() - started) / 1000)} s (${JOBS} jobs at once)`);
fs.writeFileSync(path.join(OUT, "counts"), `${pass} ${fail}\n`);
process.exit(fail > 0 ? 1 : 0);
