// The page script around the WebAssembly app. It configures the Emscripten module, exposes the
// automation interface (window.bandCircuit), and owns the browser features that must be started
// from a user gesture or outlive a frame: Web Audio cues, speech, the screen wake lock, file
// import and export, and the service worker. The C++ side reaches these through
// src/platform/platform_web.cpp.
"use strict";

(function () {
    const canvas = document.getElementById("canvas");

    function showFatal(message) {
        const box = document.getElementById("fatal");
        box.textContent = message;
        box.hidden = false;
        document.getElementById("loading").hidden = true;
    }
    window.bandCircuitFatal = showFatal;

    let readyResolve;
    let isReady = false;   // main() has run: the exported functions may be called
    const ready = new Promise((resolve) => { readyResolve = resolve; });
    window.bandCircuitReady = function () {
        isReady = true;
        if (window.bandCircuitDrawing === false) Module._bc_set_drawing(0);   // set by a test before the page loads: laid out, not drawn
        clearToPageBackground();   // SDL has just sized the canvas, which empties it
        passSafeArea();
        document.getElementById("loading").hidden = true;
        canvas.focus({ preventScroll: true });
        readyResolve();
    };

    // The WebGL2 context is created while the wasm downloads and compiles (a task after this
    // script and band-circuit.js, which starts the compile): creation takes tens of milliseconds.
    // SDL later asks for a context with these same attributes (no alpha, depth, stencil or
    // multisampling) and the canvas hands back this one; if main() gets there first, SDL creates it.
    const CONTEXT_ATTRIBUTES = { alpha: false, depth: false, stencil: false, antialias: false };
    // An opaque context is black until something is drawn: until the first frame the canvas is
    // cleared to the page's background, so the loading message stays readable and nothing flashes.
    function clearToPageBackground() {
        try {
            const gl = canvas.getContext("webgl2", CONTEXT_ATTRIBUTES);
            const rgb = (getComputedStyle(document.body).backgroundColor.match(/\d+/g) || []).map(Number);
            if (gl && rgb.length >= 3) {
                gl.clearColor(rgb[0] / 255, rgb[1] / 255, rgb[2] / 255, 1);
                gl.clear(gl.COLOR_BUFFER_BIT);
            }
        } catch (e) { /* SDL reports a missing WebGL2 */ }
    }
    setTimeout(clearToPageBackground, 0);

    // A phone's browser may take the WebGL context away (memory pressure, a GPU reset). Asking to
    // keep it lets the browser give it back; the app then rebuilds its GL objects and draws again.
    canvas.addEventListener("webglcontextlost", (event) => event.preventDefault());
    canvas.addEventListener("webglcontextrestored", () => { if (isReady && Module._bc_webgl_restored) Module._bc_webgl_restored(); });

    // --- Emscripten module configuration (read by band-circuit.js, which loads after this file)
    window.Module = {
        canvas: canvas,
        print: (text) => console.log(text),
        printErr: (text) => console.warn(text),
        onAbort: (what) => showFatal("Band Circuit stopped unexpectedly (" + what + "). Reload the page to continue; your data is kept."),
    };
    if (typeof WebAssembly !== "object") {
        showFatal("This browser cannot run Band Circuit: it has no WebAssembly.");
    }

    function callString(name) {
        const fn = Module["_" + name];
        if (!isReady || !fn) return null;
        return Module.UTF8ToString(fn());
    }
    function wake() { if (isReady) Module._bc_wake(); }   // the exports exist before the wasm does: wait for main()
    // Calls fn with text copied into the wasm heap as a C string, freed after.
    function withCString(text, fn) {
        const size = Module.lengthBytesUTF8(text) + 1;
        const ptr = Module._malloc(size);
        Module.stringToUTF8(text, ptr, size);
        try { fn(ptr); } finally { Module._free(ptr); }
    }

    // --- Safe area: the insets a notch, rounded corners or a home indicator take from the
    // viewport (env(safe-area-inset-*), through the --safe-* custom properties of style.css). Two
    // hidden probes are sized to them (top-left: left x top, bottom-right: right x bottom), so a
    // ResizeObserver sees every change (rotation, a test setting the properties) without polling.
    const safeProbes = [document.getElementById("safe-top-left"), document.getElementById("safe-bottom-right")];
    function passSafeArea() {
        if (!isReady || !Module._bc_set_safe_area || !safeProbes[0] || !safeProbes[1]) return;
        const a = safeProbes[0].getBoundingClientRect(), b = safeProbes[1].getBoundingClientRect();
        Module._bc_set_safe_area(a.height, b.width, b.height, a.width);
    }
    if (window.ResizeObserver && safeProbes[0] && safeProbes[1]) {
        const observer = new ResizeObserver(passSafeArea);
        safeProbes.forEach((probe) => observer.observe(probe));
    }
    window.addEventListener("resize", passSafeArea);

    // --- Text size: the root element's font size is the browser's (or phone's) text size. A
    // hidden probe 1rem wide tells a ResizeObserver when it changes; the app then reads it again.
    if (window.ResizeObserver) {
        const textProbe = document.createElement("div");
        textProbe.setAttribute("aria-hidden", "true");
        Object.assign(textProbe.style, { position: "fixed", visibility: "hidden", pointerEvents: "none", width: "1rem", height: "0", left: "0", top: "0" });
        document.body.appendChild(textProbe);
        new ResizeObserver(() => { if (isReady && Module._bc_preferences_changed) Module._bc_preferences_changed(); }).observe(textProbe);
    }

    // --- Automation interface: documented in docs/automation.md
    // Presses, releases, keys and wheel steps as the page received them, and framesDrawn() at the
    // last one: a test waits for its own events to arrive before it waits for a frame to take them.
    const inputSeen = { events: 0, frame: 0 };
    for (const type of ["pointerdown", "pointerup", "keydown", "keyup", "wheel"]) {
        window.addEventListener(type, () => {
            inputSeen.events++;
            inputSeen.frame = isReady ? Module._bc_frames_drawn() : 0;
        }, { capture: true, passive: true });
    }
    window.bandCircuit = {
        ready: ready,
        state: () => JSON.parse(callString("bc_state_json") || "null"),
        widgets: () => JSON.parse(callString("bc_widgets_json") || "[]"),
        texts: () => JSON.parse(callString("bc_texts_json") || "[]"),
        framesDrawn: () => (isReady ? Module._bc_frames_drawn() : 0),
        inputTakenAt: () => (isReady ? Module._bc_input_taken_at() : 0),   // framesDrawn() after the last frame that took input and left none waiting
        inputSeen: () => ({ ...inputSeen }),
        framesOwed: () => (isReady ? Module._bc_frames_owed() : 0),   // frames the app still draws after input (a scroll it asked for lands in the next)
        setDrawing: (on) => { if (isReady) Module._bc_set_drawing(on ? 1 : 0); },   // off: laid out and recorded, not drawn
    };

    // --- Languages. English is built into the app; every other language is lang/<tag>.bin (its
    // texts and glyphs, assets/lang/languages.py), fetched when it is chosen. The file for the
    // language this visit will most likely use (the saved choice, else the browser's) is asked for
    // while the wasm downloads; the app decides (src/app/language.cpp) and asks for what it needs
    // through load(). dev.sh fills in the list of files when it assembles dist/.
    const LANGUAGE_FILES = "__LANGUAGE_FILES__";   // tags with a lang/<tag>.bin: ["de", "pt-BR", ...]
    // Languages whose script the device's own font draws (assets/lang/languages.py, DEVICE_DRAWN):
    // their lang/<tag>.bin leaves the script's outlines to lang/<tag>-glyphs.bin, fetched only
    // where the device has no font for it. ["ja"]
    const GLYPH_FILES = "__GLYPH_FILES__";
    const languages = {
        requests: new Map(),   // tag -> promise of the file's bytes
        tag: "en",
        rightToLeft: false,
        fetch(tag) {
            if (!this.requests.has(tag)) {
                const get = (name) => fetch("lang/" + name + ".bin").then((response) => {
                    if (!response.ok) throw new Error("HTTP " + response.status);
                    return response.arrayBuffer();
                });
                // The table is asked for at once; its outlines too where the device cannot draw them.
                const table = get(tag);
                table.catch(() => {});   // handled below, perhaps after it failed
                const request = !(Array.isArray(GLYPH_FILES) && GLYPH_FILES.includes(tag)) ? table
                    : loadDeviceFonts().then((fonts) => fonts.draws(tag), () => false).then((draws) => (draws ? table
                        : Promise.all([table, get(tag + "-glyphs")]).then(([bytes, glyphs]) => withFonts(bytes, glyphs))));
                request.catch(() => this.requests.delete(tag));   // asked again later (offline now, say)
                this.requests.set(tag, request);
            }
            return this.requests.get(tag);
        },
        // The app wants this language: its bytes go to _bc_language_arrived, or its failure to
        // _bc_language_failed (the app then keeps the language it has).
        load(tag) {
            const pass = (bytes) => {
                withCString(tag, (tagPtr) => {
                    if (!bytes) return Module._bc_language_failed(tagPtr);
                    const ptr = Module._malloc(bytes.byteLength || 1);
                    Module.HEAPU8.set(new Uint8Array(bytes), ptr);
                    Module._bc_language_arrived(tagPtr, ptr, bytes.byteLength);
                    Module._free(ptr);
                });
                Module._bc_wake();   // also before the page is shown: the app waits for this file
            };
            // Asked by the app itself, so its exports are there.
            this.fetch(tag).then((bytes) => pass(bytes), () => pass(null));
        },
        // The page follows the app's language: <html lang dir>, and the voice speaks it.
        statusName: "Session status",   // the accessible layer's name for the session's numbers, in the language
        use(tag, rightToLeft, statusName) {
            this.tag = tag;
            this.rightToLeft = rightToLeft;
            if (statusName) this.statusName = statusName;
            document.documentElement.lang = tag;
            document.documentElement.dir = rightToLeft ? "rtl" : "ltr";
            checkVoices();
        },
        // Words for a voice or a screen reader: Arabic reaches the app's texts shaped (the forms
        // its letters take in the word, for drawing); NFKC gives back the plain letters.
        plain(text) {
            return text.replace(/[\uFB50-\uFDFF\uFE70-\uFEFF]+/g, (forms) => forms.normalize("NFKC"));
        },
        preferred() {
            return (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || "en"]).join("\n");
        },
        // The first day of the browser's week for this language, where the browser says (Intl.Locale
        // weekInfo): 0 Monday .. 6 Sunday; -1 when it does not.
        firstWeekday(tag) {
            try {
                const wanted = (navigator.languages || []).find((t) => t.split("-")[0].toLowerCase() === tag.split("-")[0].toLowerCase()) || tag;
                const locale = new Intl.Locale(wanted);
                const info = typeof locale.getWeekInfo === "function" ? locale.getWeekInfo() : locale.weekInfo;
                return info && info.firstDay >= 1 && info.firstDay <= 7 ? info.firstDay - 1 : -1;
            } catch (e) { return -1; }
        },
    };
    // A language table (src/core/wording.cpp has its layout) with more fonts: the table ends with
    // its fonts, font_size (the u32 at byte 24) counts them, and a -glyphs file is more of them.
    function withFonts(table, glyphs) {
        const bytes = new Uint8Array(table.byteLength + glyphs.byteLength);
        bytes.set(new Uint8Array(table), 0);
        bytes.set(new Uint8Array(glyphs), table.byteLength);
        const header = new DataView(bytes.buffer);
        if (bytes.byteLength < 28 || header.getUint32(20, true) + header.getUint32(24, true) !== table.byteLength) throw new Error("not a language table");
        header.setUint32(24, header.getUint32(24, true) + glyphs.byteLength, true);
        return bytes.buffer;
    }

    // The device's own fonts (web/device-fonts.js: does the device have a font for a language's
    // script, and the glyphs it draws into the app's font atlas), loaded only for a language of
    // GLYPH_FILES, so an English visit does not download it.
    let deviceFontsScript = null;
    function loadDeviceFonts() {
        if (!deviceFontsScript) {
            deviceFontsScript = new Promise((resolve, reject) => {
                const script = document.createElement("script");
                script.src = "device-fonts.js";
                script.onload = () => (window.bandCircuitDeviceFonts ? resolve(window.bandCircuitDeviceFonts) : reject(new Error("device-fonts.js")));
                script.onerror = () => { deviceFontsScript = null; reject(new Error("device-fonts.js")); };
                document.head.appendChild(script);
            });
        }
        return deviceFontsScript;
    }

    // The language this visit most likely needs, fetched now: the saved choice, else the browser's.
    (function prefetchLanguage() {
        let wanted = [];
        try {
            const saved = JSON.parse(localStorage.getItem("bandCircuit.settings") || "null");
            if (saved && typeof saved.language === "string" && saved.language) wanted = [saved.language];
        } catch (e) { /* unreadable settings: the app says so; the browser's language is a good guess */ }
        if (!wanted.length) wanted = languages.preferred().split("\n");
        const files = Array.isArray(LANGUAGE_FILES) ? LANGUAGE_FILES : [];
        const lower = (t) => t.replace("_", "-").toLowerCase();
        for (const tag of wanted) {
            if (lower(tag) === "en" || lower(tag).startsWith("en-")) return;
            const exact = files.find((f) => lower(f) === lower(tag));
            const primary = files.find((f) => lower(f).split("-")[0] === lower(tag).split("-")[0]);
            if (exact || primary) { languages.fetch(exact || primary); return; }
        }
    })();
    window.bandCircuitLanguages = languages;

    // --- Cues: Web Audio tones, speech, wake lock
    const AudioContextClass = window.AudioContext || window.webkitAudioContext;
    let audio = null;
    function unlockAudio() {
        // Phones only let audio start inside a user gesture; resume after a screen lock too.
        if (!AudioContextClass) return;
        try {
            // Cues mix with the runner's music instead of pausing it (Safari's Audio Session API).
            if (navigator.audioSession && navigator.audioSession.type !== "ambient") navigator.audioSession.type = "ambient";
        } catch (e) { /* not supported: the browser's default */ }
        try {
            if (!audio) audio = new AudioContextClass();
            if (audio.state !== "running") audio.resume().catch(() => {});
        } catch (e) { audio = null; }
    }
    for (const type of ["pointerdown", "touchend", "keydown", "mousedown"]) {
        window.addEventListener(type, unlockAudio, { capture: true, passive: true });
    }

    // Each cue is a few short notes: [frequency Hz, start s, length s].
    // Keyed by bc::CueToneKey() (src/core/coach.cpp): without a voice, each tempo part sounds different.
    const TONES = {
        "rep": [[880, 0, 0.08]],                                     // a rep: its first tempo part
        "hold": [[660, 0, 0.35]],                                    // one long note
        "countdown": [[520, 0, 0.10]],                               // 3-2-1
        "switch": [[660, 0, 0.12], [990, 0.16, 0.16]],               // switch sides
        "rest-over": [[523, 0, 0.12], [659, 0.14, 0.12], [784, 0.28, 0.2]],
        "finish": [[523, 0, 0.15], [659, 0.17, 0.15], [784, 0.34, 0.15], [1047, 0.51, 0.4]],
        "effort": [[740, 0, 0.06], [740, 0.1, 0.06]],                // a later effort part: two blips
        "return": [[587, 0, 0.07], [392, 0.09, 0.14]],               // the way back: falling
        "voice": [[740, 0, 0.07], [740, 0.11, 0.07]],                // a spoken cue, where there is no voice (app.js's own)
    };
    const VOICE_STAND_IN = "voice";
    let lastToneAt = -1e9;   // performance.now() of the last cue tone
    let volume = 0.8;   // the cue volume setting, 0..1: the peak gain of every note and the speech volume
    // Notes scheduled ahead while the page is hidden (see schedule() below), not yet played.
    let scheduled = [];
    function playNotes(notes, delaySeconds = 0, keep = null) {
        const start = audio.currentTime + 0.02 + delaySeconds;
        for (const [freq, at, length] of notes) {
            const osc = audio.createOscillator();
            const gain = audio.createGain();
            osc.type = "sine";
            osc.frequency.value = freq;
            gain.gain.setValueAtTime(0.0001, start + at);
            gain.gain.exponentialRampToValueAtTime(Math.max(0.0002, 0.45 * volume), start + at + 0.01);
            gain.gain.exponentialRampToValueAtTime(0.0001, start + at + length);
            osc.connect(gain).connect(audio.destination);
            osc.start(start + at);
            osc.stop(start + at + length + 0.02);
            if (keep) keep.push(osc);
        }
    }

    let wakeLock = null;
    let wantAwake = false;
    async function acquireWakeLock() {
        if (!wantAwake || wakeLock || !navigator.wakeLock || document.visibilityState !== "visible") return;
        try {
            wakeLock = await navigator.wakeLock.request("screen");
            wakeLock.addEventListener("release", () => { wakeLock = null; });
        } catch (e) { wakeLock = null; }
    }

    // Speech needs a voice. Some browsers have the API but no voice at all (Firefox and WebKitGTK
    // without a speech service, for one); there a spoken cue sounds as a short double tone, unless
    // a tone for the same cue has just played. Chromium lists its voices a moment after start-up.
    // The voice must speak the app's language: picked by the full tag, then the primary subtag,
    // a voice on the device before one over the network. Android lists tags like "en_US": normalised.
    let voiceAvailable = false;
    let voice = null;
    function pickVoice(tag) {
        const normal = (t) => String(t || "").replace(/_/g, "-").toLowerCase();
        const wanted = normal(tag), primary = wanted.split("-")[0];
        const voices = speechSynthesis.getVoices();
        const rank = (v) => (normal(v.lang) === wanted ? 0 : normal(v.lang).split("-")[0] === primary ? 2 : 9) + (v.localService ? 0 : 1);
        let best = null;
        for (const v of voices) if (rank(v) < 9 && (!best || rank(v) < rank(best))) best = v;
        return best;
    }
    function checkVoices() {
        try {
            voice = window.speechSynthesis && window.SpeechSynthesisUtterance ? pickVoice(languages.tag) : null;
            voiceAvailable = !!voice;
        } catch (e) { voice = null; voiceAvailable = false; }
    }
    checkVoices();
    if (window.speechSynthesis && speechSynthesis.addEventListener) {
        speechSynthesis.addEventListener("voiceschanged", () => { checkVoices(); wake(); });
    }

    window.bandCircuitCues = {
        tone(kind) {
            const notes = Object.prototype.hasOwnProperty.call(TONES, kind) ? TONES[kind] : null;
            if (!notes || !audio) return;
            lastToneAt = performance.now();
            try {
                if (audio.state === "running") playNotes(notes);
                else audio.resume().then(() => playNotes(notes)).catch(() => {});
            } catch (e) { /* a broken audio device must not stop the workout */ }
        },
        // While the screen is locked or the page hidden, the page may get no time to run, but an
        // audio context keeps playing: the coming cues are scheduled in it ahead of time.
        // list: [[seconds from now, tone name], ...]
        schedule(list) {
            this.cancelScheduled();
            if (!audio || audio.state !== "running") return 0;
            for (const [delay, kind] of list) {
                if (Object.prototype.hasOwnProperty.call(TONES, kind)) playNotes(TONES[kind], delay, scheduled);
            }
            return scheduled.length;
        },
        cancelScheduled() {
            for (const osc of scheduled) {
                try { osc.stop(0); osc.disconnect(); } catch (e) {}
            }
            scheduled = [];
        },
        get scheduledNotes() { return scheduled.length; },
        // The next cue's words replace whatever is still being said: late words would be wrong.
        speak(text) {
            checkVoices();
            if (!voiceAvailable) {
                if (performance.now() - lastToneAt > 100) this.tone(VOICE_STAND_IN);
                return;
            }
            try {
                speechSynthesis.cancel();
                const utterance = new SpeechSynthesisUtterance(languages.plain(text));
                utterance.lang = languages.tag;
                try { if (voice) utterance.voice = voice; } catch (e) { /* a stand-in voice (tests): the lang picks */ }
                utterance.rate = 1.1;
                utterance.volume = volume;
                speechSynthesis.speak(utterance);
            } catch (e) {}
        },
        // A voice to speak with: without one the app plays a tone for every tempo part instead.
        canSpeak() {
            checkVoices();
            return voiceAvailable;
        },
        setVolume(value) { volume = Math.min(1, Math.max(0, Number(value) || 0)); },
        get volume() { return volume; },
        keepAwake(awake) {
            wantAwake = awake;
            if (awake) acquireWakeLock();
            else if (wakeLock) { wakeLock.release().catch(() => {}); wakeLock = null; }
        },
        get voiceAvailable() { return voiceAvailable; },
        get audioState() { return audio ? audio.state : "none"; },
        get wakeLockHeld() { return !!wakeLock; },
    };

    // --- Storage shared with the app's other pages (an installed window and a tab, say). Each page
    // follows the others' writes through the storage event; the history is written inside the
    // "bandCircuit.history" Web Lock where the browser has it, so two pages never interleave a
    // read-merge-write. navigator.storage.persist() is asked once there is a session worth keeping.
    const storage = {
        persistence: 0,   // platform::Persistence: 0 unknown, 1 persistent, 2 best effort, 3 unsupported
        commitQueued: false,
        requestCommit() {
            const commit = () => { this.commitQueued = false; if (isReady) { Module._bc_history_commit(); wake(); } };
            if (!(navigator.locks && navigator.locks.request)) return commit();
            if (this.commitQueued) return;
            this.commitQueued = true;
            navigator.locks.request("bandCircuit.history", commit).catch(commit);
        },
        askPersistence() {
            if (!(navigator.storage && navigator.storage.persist)) return;
            navigator.storage.persist().then((granted) => { this.persistence = granted ? 1 : 2; wake(); }, () => {});
        },
    };
    if (navigator.storage && navigator.storage.persisted) {
        navigator.storage.persisted().then((persisted) => { storage.persistence = persisted ? 1 : 2; wake(); }, () => {});
    } else {
        storage.persistence = 3;
    }
    window.bandCircuitStorage = storage;
    window.addEventListener("storage", (event) => {
        if (!isReady) return;
        if (event.storageArea && event.storageArea !== window.localStorage) return;
        if (event.key !== null && !event.key.startsWith("bandCircuit.")) return;
        // The app tells the keys apart (app::OnStorageChanged); "" says storage was cleared.
        const key = event.key === null ? "" : event.key;
        withCString(key, (ptr) => Module._bc_storage_changed(ptr));
        wake();
    });

    // --- Page lifecycle: the app saves when hidden and redraws the true state when shown
    document.addEventListener("visibilitychange", () => {
        if (document.visibilityState === "visible") {
            acquireWakeLock();
            unlockAudio();
            window.bandCircuitCues.cancelScheduled();
            if (isReady) Module._bc_page_shown();
            wake();
        } else if (isReady) {
            Module._bc_page_hidden();
        }
    });
    window.addEventListener("pagehide", () => { if (isReady) Module._bc_page_hidden(); });

    // --- Files: export by download, import through a hidden file input (size-checked first)
    const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
    const files = {
        result: null,   // "T" + text, or "E" + what went wrong ("large:<KB>", "unreadable"), taken by the app once (it words it)
        download(name, contents) {
            const url = URL.createObjectURL(new Blob([contents], { type: "application/json" }));
            const link = document.createElement("a");
            link.href = url;
            link.download = name;
            document.body.appendChild(link);
            link.click();
            link.remove();
            setTimeout(() => URL.revokeObjectURL(url), 10000);
        },
        // The share sheet where the browser can share files (phones: Files, Drive, mail), else a
        // download. The app hears how it went: 0 closed without sharing, 1 shared, 2 downloaded.
        share(name, contents) {
            const kept = (how) => { if (isReady) Module._bc_file_kept(how); };
            let file = null;
            try { file = new File([contents], name, { type: "application/json" }); } catch (e) { file = null; }
            if (file && navigator.canShare && navigator.share && navigator.canShare({ files: [file] })) {
                navigator.share({ files: [file], title: name }).then(() => kept(1), (error) => {
                    if (error && error.name === "AbortError") { kept(0); return; }
                    files.download(name, contents);   // not allowed here (no user activation, a policy): download instead
                    kept(2);
                });
                return;
            }
            files.download(name, contents);
            Promise.resolve().then(() => kept(2));
        },
        // Safari (WebKit) in a tab deletes a site's script-written storage after seven days of use
        // without a visit; a home-screen app (standalone) keeps its own count.
        expiresUnvisited() {
            const ua = navigator.userAgent;
            const webkit = /AppleWebKit/.test(ua) && !/Chrome|Chromium|CriOS|Edg|Android|Firefox|FxiOS/.test(ua);
            const installed = navigator.standalone === true || matchMedia("(display-mode: standalone)").matches;
            return webkit && !installed;
        },
        pick() {
            const input = document.createElement("input");
            input.type = "file";
            input.accept = ".json,application/json";
            // Kept in the document (hidden) until a file is chosen, so it lives as long as the
            // picker is open and WebDriver (which cannot see detached elements) can reach it.
            input.hidden = true;
            for (const old of document.querySelectorAll("input.bc-import")) old.remove();
            input.className = "bc-import";
            document.body.appendChild(input);
            input.addEventListener("change", () => {
                input.remove();
                const file = input.files && input.files[0];
                if (!file) return;
                if (file.size > MAX_IMPORT_BYTES) {
                    files.result = "Elarge:" + Math.round(file.size / 1024);
                    wake();
                    return;
                }
                file.text().then((text) => { files.result = "T" + text; wake(); },
                                 () => { files.result = "Eunreadable"; wake(); });
            });
            input.click();
        },
    };
    window.bandCircuitFiles = files;

    // --- Sync: HTTP for the runner's CouchDB (the app decides what to ask: src/app/sync.cpp), the
    // network coming back, and the account form (real text fields: the phone's keyboard and
    // password manager know them).
    const MAX_ANSWER_BYTES = 4 * 1024 * 1024;
    const HTTP_TIMEOUT_MS = 30000;
    async function readCapped(response) {
        const length = Number(response.headers.get("Content-Length") || 0);
        if (length > MAX_ANSWER_BYTES) return null;
        if (!response.body) return await response.text();
        const reader = response.body.getReader();
        const chunks = [];
        let size = 0;
        for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            size += value.byteLength;
            if (size > MAX_ANSWER_BYTES) { reader.cancel(); return null; }
            chunks.push(value);
        }
        const bytes = new Uint8Array(size);
        let at = 0;
        for (const chunk of chunks) { bytes.set(chunk, at); at += chunk.byteLength; }
        return new TextDecoder().decode(bytes);
    }
    const sync = {
        send(id, method, url, user, password, body) {
            const answer = (status, text) => {
                if (isReady) withCString(text, (ptr) => Module._bc_http_answered(id, status, ptr));
                wake();
            };
            if (navigator.onLine === false) { Promise.resolve().then(() => answer(0, "offline")); return; }
            const headers = { "Accept": "application/json" };
            if (user) {
                const pair = new TextEncoder().encode(user + ":" + password);
                headers.Authorization = "Basic " + btoa(String.fromCharCode(...pair));
            }
            if (body) headers["Content-Type"] = "application/json";
            const controller = new AbortController();
            let timedOut = false;
            const timer = setTimeout(() => { timedOut = true; controller.abort(); }, HTTP_TIMEOUT_MS);
            fetch(url, { method, headers, body: body || undefined, credentials: "omit", redirect: "manual", cache: "no-store",
                         signal: controller.signal })
                .then(async (response) => {
                    if (response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400)) return answer(0, "redirect");
                    const text = await readCapped(response);
                    if (text === null) return answer(0, "large");
                    answer(response.status, text);
                })
                .catch(() => answer(0, timedOut ? "timeout" : "network"))
                .finally(() => clearTimeout(timer));
        },
        openForm(texts, url, user) {
            for (const old of document.querySelectorAll("form.bc-sync")) old.remove();
            const form = document.createElement("form");
            form.className = "bc-sync";
            form.setAttribute("aria-label", texts.title);
            const heading = document.createElement("h2");
            heading.textContent = texts.title;
            form.appendChild(heading);
            const field = (name, label, type, value, autocomplete) => {
                const wrap = document.createElement("label");
                wrap.textContent = label;
                const input = document.createElement("input");
                input.name = name;
                input.type = type;
                input.value = value;
                input.autocomplete = autocomplete;
                input.spellcheck = false;
                input.setAttribute("autocapitalize", "off");
                wrap.appendChild(input);
                form.appendChild(wrap);
                return input;
            };
            const address = field("address", texts.address, "url", url, "url");
            const name = field("user", texts.user, "text", user, "username");
            const password = field("password", texts.password, "password", "", "current-password");
            const buttons = document.createElement("div");
            const save = document.createElement("button");
            save.type = "submit";
            save.textContent = texts.save;
            const cancel = document.createElement("button");
            cancel.type = "button";
            cancel.textContent = texts.cancel;
            buttons.append(save, cancel);
            form.appendChild(buttons);
            const close = () => { form.remove(); canvas.focus(); wake(); };
            cancel.addEventListener("click", close);
            // Keys typed here are the form's: SDL listens on the window and would take Backspace and Tab.
            for (const type of ["keydown", "keyup", "keypress"]) form.addEventListener(type, (event) => event.stopPropagation());
            form.addEventListener("keydown", (event) => { if (event.key === "Escape") close(); });
            form.addEventListener("submit", (event) => {
                event.preventDefault();
                const values = [address.value, name.value, password.value];
                close();
                if (isReady) withCString(values[0], (a) => withCString(values[1], (b) => withCString(values[2], (c) => Module._bc_sync_form_saved(a, b, c))));
                wake();
            });
            document.body.appendChild(form);
            address.focus();
        },
    };
    window.bandCircuitSync = sync;
    window.addEventListener("online", () => { if (isReady) Module._bc_online(); wake(); });

    // --- Offline and install: the service worker (web/sw.js) precaches the whole site under a
    // version derived from its content, so the app starts offline after one visit. Each visit
    // looks for a new sw.js (and again when the page returns to the foreground after an hour
    // away); a new version downloads whole in the background, the home screen says so, and once this page has loaded everything it needs the new version takes over: it
    // runs from the next visit. Saved data is in localStorage, which an update never touches.
    if ("serviceWorker" in navigator && window.isSecureContext) {
        const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;
        let announced = false;

        // The app says so in its own layout (a line on the home screen), so nothing covers a
        // control or takes a tap.
        function showUpdateNotice() {
            if (announced) return;
            announced = true;
            ready.then(() => { Module._bc_update_ready(); wake(); });
        }

        // A worker that finished installing while another version is active: a new version.
        function takeUpdate(registration, worker) {
            if (!registration.active || registration.active === worker) return;   // the first install
            showUpdateNotice();
            // Every file this page uses was requested before "load"; the app being up (or ten
            // seconds, should it never start) makes sure, then the new version may take over.
            const settled = Promise.race([ready, new Promise((resolve) => setTimeout(resolve, 10000))]);
            settled.then(() => worker.postMessage({ type: "activate-update" }));
        }
        function watch(registration, worker) {
            if (!worker) return;
            if (worker.state === "installed") return takeUpdate(registration, worker);
            worker.addEventListener("statechange", () => {
                if (worker.state === "installed") takeUpdate(registration, worker);
            });
        }

        window.addEventListener("load", () => {
            navigator.serviceWorker.register("sw.js", { updateViaCache: "none" }).then((registration) => {
                // A version found on an earlier visit may be waiting, or one being installed.
                watch(registration, registration.waiting);
                watch(registration, registration.installing);
                registration.addEventListener("updatefound", () => watch(registration, registration.installing));

                // Browsers look for a new sw.js after a navigation when they see fit: ask on
                // every visit, so a deploy is found on this one.
                let lastCheck = 0;
                function checkForUpdate() {
                    lastCheck = Date.now();
                    if (registration.active) registration.update().catch(() => { /* offline: try again later */ });
                }
                checkForUpdate();
                document.addEventListener("visibilitychange", () => {
                    if (document.visibilityState === "visible" && Date.now() - lastCheck >= UPDATE_CHECK_INTERVAL_MS) checkForUpdate();
                });
            }).catch(() => { /* offline support is a bonus; the app works without it */ });
        });
    }
})();
