// A made-up but valid history in the storage schema of src/core/save_format.h
// ({"version":1,"sessions":[...]}, oldest first), for the tests and screenshots that need one, and
// the script that puts it in localStorage before the app loads.

// count sessions of the circuit `exercises` (state().exercises, from appCircuit() in harness.mjs or
// circuit() in actions.mjs), one every `everyDays` days (some on consecutive days), the last
// `lastDaysAgo` before now. Each set has the exercise's lowest dose, as the default settings.
export function makeHistory(count, { exercises, now = Date.now(), everyDays = 2, lastDaysAgo = 0 } = {}) {
    if (!exercises) throw new Error("makeHistory needs the circuit's exercises");
    const day = 86400000;
    const sessions = [];
    for (let i = count - 1; i >= 0; i--) {
        const started = now - (lastDaysAgo + i * everyDays) * day - 3600000 - (i % 5) * 600000;
        const finished = i % 4 !== 1;
        const roundsPlanned = i % 3 === 0 ? 3 : 2;
        const roundsDone = finished ? roundsPlanned : Math.min(1, roundsPlanned - 1);
        const durationMs = finished ? (14 + (i % 6)) * 60000 + (i * 7919) % 60000 : (4 + (i % 5)) * 60000;
        const reps = {};
        for (const [index, { key, sides: [a, b], countMin: n }] of exercises.entries()) {
            const done = finished ? n * roundsPlanned : n * Math.max(roundsDone, index === 0 ? 1 : 0);
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
