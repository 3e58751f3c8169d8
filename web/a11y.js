// The accessible layer over the canvas (README "Accessibility"). The app draws into one canvas,
// which assistive technology cannot enter; after a frame that changed what is drawn, the app
// (src/ui/accessibility.cpp) sends a description of it here and this file brings a tree of real
// HTML elements up to date: buttons, switches, radio groups, spin buttons, headings and the
// session's status, each placed over what it stands for and kept transparent. The elements let
// pointer events through to the canvas, so mouse and touch work as before; what they add is for
// screen readers and the keyboard:
//   - focusing an element (Tab, a screen reader's cursor) gives the widget Dear ImGui's keyboard
//     focus, and focus that Dear ImGui moves (Tab, arrows) moves the page's focus in step;
//   - pressing one (a screen reader's double tap, a click on the element, Enter or Space) presses
//     the widget through Dear ImGui's own keyboard activation; the arrow keys change a spin button
//     or move through a radio group.
// Only what changed is touched: an update that changes nothing makes no DOM mutation.
"use strict";

(function () {
    const layer = document.getElementById("a11y");
    if (!layer) return;

    const elements = new Map();   // key -> element, reused from one update to the next
    let syncing = false;          // a focus() made here to follow Dear ImGui, not by the user
    let describedCount = 0;

    function call(name, id) {
        const fn = window.Module && Module["_" + name];
        if (!fn) return;
        fn(id);
        if (Module._bc_wake) Module._bc_wake();
    }

    function setAttr(el, name, value) {
        if (value === null || value === undefined) {
            if (el.hasAttribute(name)) el.removeAttribute(name);
        } else if (el.getAttribute(name) !== String(value)) {
            el.setAttribute(name, String(value));
        }
    }
    function setText(el, text) {
        if (el.firstChild && el.firstChild.nodeType === Node.TEXT_NODE && el.firstChild.nodeValue === text) return;
        if (el.firstChild && el.firstChild.nodeType === Node.TEXT_NODE) el.firstChild.nodeValue = text;
        else el.insertBefore(document.createTextNode(text), el.firstChild);
    }
    // Facts this file keeps on an element are plain properties (el._rect, el._kind, el._described):
    // reading them back costs nothing, where a DOM attribute or a query would on every update.
    function place(el, node) {
        const rect = node.x + "," + node.y + "," + node.w + "," + node.h;
        if (el._rect === rect) return;
        el._rect = rect;
        el.style.left = node.x + "px";
        el.style.top = node.y + "px";
        el.style.width = node.w + "px";
        el.style.height = node.h + "px";
    }
    // A longer description, read after the name: a hidden child the element points to.
    function describe(el, text) {
        let span = el._described;
        if (!text) {
            if (span) { span.remove(); el._described = null; setAttr(el, "aria-describedby", null); }
            return;
        }
        if (!span) {
            span = el._described = document.createElement("span");
            span.hidden = true;
            span.id = "a11y-d" + (++describedCount);
            el.appendChild(span);
            setAttr(el, "aria-describedby", span.id);
        }
        if (span.textContent !== text) span.textContent = text;
    }

    const TAGS = { h1: "h1", h2: "h2", text: "p", status: "p", button: "button", switch: "button", radio: "button", spinbutton: "div" };

    function elementFor(key, node) {
        let el = elements.get(key);
        if (!el || el._kind !== node.k) {
            el = document.createElement(TAGS[node.k] || "p");
            el._kind = node.k;
            if (el.tagName === "BUTTON") el.type = "button";
            if (node.k === "switch" || node.k === "radio" || node.k === "spinbutton") el.setAttribute("role", node.k);
            if (node.k === "spinbutton") el.tabIndex = 0;
            if (node.k === "h1") el.tabIndex = -1;   // focused when the screen changes
            elements.set(key, el);
        }
        place(el, node);
        const item = node.id !== undefined;
        if (node.k === "spinbutton") {
            setAttr(el, "aria-label", node.n);
            setAttr(el, "aria-valuenow", node.now);
            setAttr(el, "aria-valuemin", node.min);
            setAttr(el, "aria-valuemax", node.max);
            setAttr(el, "aria-valuetext", node.v);
            setAttr(el, "aria-disabled", node.off && node.upOff ? "true" : null);
            // Focus goes to whichever of − and + Dear ImGui can focus.
            setAttr(el, "data-id", node.off ? node.up : node.id);
            setAttr(el, "data-down", node.off ? null : node.id);
            setAttr(el, "data-up", node.upOff ? null : node.up);
        } else {
            setText(el, node.n || "");
            if (item) {
                setAttr(el, "data-id", node.id);
                el.disabled = !!node.off;
            }
        }
        if (node.k === "switch" || node.k === "radio") setAttr(el, "aria-checked", node.on ? "true" : "false");
        if (item) setAttr(el, "aria-expanded", node.open === undefined ? null : (node.open ? "true" : "false"));
        if (item) describe(el, node.d);
        return el;
    }

    function container(key, role, name) {
        let el = elements.get(key);
        if (!el) {
            el = document.createElement("div");
            el.className = "a11y-group";
            el.setAttribute("role", role);
            elements.set(key, el);
        }
        setAttr(el, "aria-label", name);
        return el;
    }

    // Makes parent's children exactly `children`, in order, moving only what is out of place.
    function arrange(parent, children) {
        let ref = parent.firstElementChild;
        for (const child of children) {
            if (child === ref) { ref = ref.nextElementSibling; continue; }
            parent.insertBefore(child, ref);
        }
        while (ref) {
            const next = ref.nextElementSibling;
            ref.remove();
            ref = next;
        }
    }

    // During a set only the session's status changes from one update to the next (the time left,
    // the tempo part): when nothing else did, its texts are set and the rest is not looked at.
    const STATUS_NAME = /("k":"status",[^{}]*?"n":)("(?:[^"\\]|\\.)*")/g;
    let lastOutline = null;   // the last description with every status text left out

    function update(json) {
        if (window.bandCircuitLanguages) json = window.bandCircuitLanguages.plain(json);   // Arabic as plain letters
        const outline = json.replace(STATUS_NAME, '$1""');
        if (outline === lastOutline) {
            let i = 0;
            for (const match of json.matchAll(STATUS_NAME)) setText(elements.get("status:" + i++), JSON.parse(match[2]));
            return;
        }
        lastOutline = outline;
        const nodes = JSON.parse(json);
        const focused = layer.contains(document.activeElement) ? document.activeElement : null;
        const focusedRect = focused ? focused._rect : null;
        const oldTitle = elements.has("h1:0") ? elements.get("h1:0").textContent : null;

        const used = new Set();
        const top = [];
        const groups = new Map();   // container element -> its children
        const counts = {};
        for (const node of nodes) {
            let key;
            if (node.id !== undefined) {
                key = node.k + ":" + node.id;
            } else {
                const n = counts[node.k] || 0;
                counts[node.k] = n + 1;
                key = node.k + ":" + n;
            }
            const el = elementFor(key, node);
            used.add(key);
            let parent = null;
            if (node.k === "radio" && node.g) {
                parent = container("radiogroup:" + node.g, "radiogroup", node.g);
                used.add("radiogroup:" + node.g);
            } else if (node.k === "status") {
                const statusName = window.bandCircuitLanguages ? window.bandCircuitLanguages.statusName : "Session status";
                parent = container("status", "group", statusName);
                used.add("status");
            }
            if (parent) {
                if (!groups.has(parent)) { groups.set(parent, []); top.push(parent); }
                groups.get(parent).push(el);
            } else {
                top.push(el);
            }
        }
        for (const [parent, children] of groups) arrange(parent, children);
        arrange(layer, top);
        for (const key of [...elements.keys()]) if (!used.has(key)) elements.delete(key);

        // Keep the reader's place: a new screen starts at its title; a control that was replaced
        // (Pause became Resume) hands focus to the one now drawn where it was.
        if (focused && !layer.contains(focused)) {
            const title = elements.get("h1:0");
            let next = null;
            if (title && title.textContent !== oldTitle) next = title;
            else next = [...layer.querySelectorAll("[data-id]")].find((el) => el._rect === focusedRect && !el.disabled) || title;
            if (next) next.focus({ preventScroll: true });
        }
    }

    // Dear ImGui moved its keyboard focus: the page's focus follows, unless it is somewhere else
    // on the page (a dialog, the update message).
    function focus(id) {
        const el = layer.querySelector(`[data-id="${id}"], [data-up="${id}"], [data-down="${id}"]`);
        const current = document.activeElement;
        if (!el || el === current) return;
        if (current && current !== document.body && current.id !== "canvas" && !layer.contains(current)) return;
        syncing = true;
        el.focus({ preventScroll: true });
        syncing = false;
    }

    layer.addEventListener("focusin", (event) => {
        if (syncing) return;
        const id = event.target.getAttribute("data-id");
        if (id) call("bc_a11y_focus", Number(id));
    });

    function press(el, which = "data-id") {
        if (!el || el.disabled || el.getAttribute("aria-disabled") === "true") return;
        const id = el.getAttribute(which);
        if (id) call("bc_a11y_press", Number(id));
    }

    // A screen reader's activation arrives as a click on the element.
    layer.addEventListener("click", (event) => {
        const el = event.target.closest("[data-id]");
        if (el && el.getAttribute("role") !== "spinbutton") press(el);
    });

    const ACTIVATE_KEYS = new Set(["Enter", " ", "Spacebar"]);
    const UP_KEYS = new Set(["ArrowUp", "ArrowRight"]);
    const DOWN_KEYS = new Set(["ArrowDown", "ArrowLeft"]);

    // Keys handled here do not reach the app's own key handling (SDL listens on the window), so
    // Space on a focused button presses it and does not also pause the session.
    function handledKey(el, key) {
        const role = el.getAttribute("role");
        if (role === "spinbutton") return UP_KEYS.has(key) || DOWN_KEYS.has(key);
        if (role === "radio" && (UP_KEYS.has(key) || DOWN_KEYS.has(key))) return true;
        return el.tagName === "BUTTON" && ACTIVATE_KEYS.has(key);
    }

    layer.addEventListener("keydown", (event) => {
        const el = event.target;
        if (!el.getAttribute || !el.hasAttribute("data-id") || event.ctrlKey || event.altKey || event.metaKey) return;
        if (!handledKey(el, event.key)) return;
        event.preventDefault();
        event.stopPropagation();
        if (event.repeat && ACTIVATE_KEYS.has(event.key)) return;
        const role = el.getAttribute("role");
        if (role === "spinbutton") {
            press(el, UP_KEYS.has(event.key) ? "data-up" : "data-down");
        } else if (role === "radio" && !ACTIVATE_KEYS.has(event.key)) {
            const radios = [...el.parentElement.querySelectorAll("[role=radio]")].filter((r) => !r.disabled);
            const at = radios.indexOf(el);
            const next = radios[(at + (UP_KEYS.has(event.key) ? 1 : radios.length - 1)) % radios.length];
            if (next && next !== el) { next.focus({ preventScroll: true }); press(next); }
        } else {
            press(el);
        }
    });
    layer.addEventListener("keyup", (event) => {
        const el = event.target;
        if (el.getAttribute && el.hasAttribute("data-id") && handledKey(el, event.key)) {
            event.preventDefault();
            event.stopPropagation();
        }
    });

    window.bandCircuitA11y = { update, focus };
})();
