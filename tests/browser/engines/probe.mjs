// The script the test server puts before the page's own scripts in the engine tests: it records
// what a browser's console would show as errors (console.error, uncaught errors, failed script,
// image or stylesheet loads, unhandled promise rejections) in window.__probe, because WebDriver
// classic (WebKitGTK) has no console log to read. It also counts the tones the app starts and
// their pitch, so a test can hear a cue without a sound card.
export const PROBE_SCRIPT = `"use strict";
(function () {
    const probe = window.__probe = { problems: [], tones: [] };
    const text = (value) => { try { return value instanceof Error ? value.message : String(value); } catch (e) { return "?"; } };
    const consoleError = console.error;
    console.error = function (...args) { probe.problems.push("console: " + args.map(text).join(" ")); return consoleError.apply(this, args); };
    window.addEventListener("error", (event) => {
        const target = event.target;
        if (target && target !== window && (target.src || target.href)) probe.problems.push("failed to load: " + (target.src || target.href));
        else probe.problems.push("page error: " + (event.message || text(event.error)));
    }, true);
    window.addEventListener("unhandledrejection", (event) => probe.problems.push("unhandled rejection: " + text(event.reason)));
    if (window.OscillatorNode) {
        const start = OscillatorNode.prototype.start;
        OscillatorNode.prototype.start = function (...args) {
            probe.tones.push(Math.round(this.frequency.value));
            return start.apply(this, args);
        };
    }
})();
`;
