// The device's own fonts: the characters of a script that the app draws with them rather than
// from outlines it downloads (Japanese: assets/lang/languages.py, DEVICE_DRAWN). web/app.js loads
// this file only for such a language. It answers whether the device has a font for the script (three
// of its characters drawn in a canvas come out different and not empty: without a font each is the
// same box, or nothing), then the font atlas asks it for the glyphs' sizes and their pixels
// (src/ui/fonts.cpp through src/platform/platform_web.cpp).
"use strict";

(function () {
    const DEVICE_FONTS = {
        ja: {
            family: '"Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic UI", "Yu Gothic", Meiryo, "Noto Sans CJK JP", "Noto Sans JP", "Source Han Sans JP", sans-serif',
            samples: ["\u65e5", "\u8a9e", "\u3042"],   // 日 語 あ
        },
    };
    const deviceFonts = {
        found: new Map(),   // tag -> whether the device draws its script
        context(tag, emPx) {
            if (!this.canvas) {
                // In the document, hidden, with lang: a browser that picks a font for the generic
                // family by language (Android's sans-serif) gives Han characters their Japanese forms.
                this.canvas = document.createElement("canvas");
                this.canvas.setAttribute("aria-hidden", "true");
                Object.assign(this.canvas.style, { position: "fixed", left: "0", top: "0", width: "1px", height: "1px", visibility: "hidden", pointerEvents: "none" });
                document.body.appendChild(this.canvas);
                this.ctx = this.canvas.getContext("2d", { willReadFrequently: true });
            }
            this.canvas.setAttribute("lang", tag);
            const ctx = this.ctx;
            if (ctx && this.font !== tag + emPx) {   // a resized canvas forgets its font: resize() clears this
                if ("lang" in ctx) ctx.lang = tag;   // the Han characters as the language writes them
                ctx.font = emPx + "px " + DEVICE_FONTS[tag].family;
                ctx.fillStyle = "#000";
                this.font = tag + emPx;
            }
            return ctx;
        },
        resize(width, height) {
            this.canvas.width = width;
            this.canvas.height = height;
            this.font = null;
        },
        draws(tag) {
            if (!this.found.has(tag)) {
                let found = false;
                try {
                    if (DEVICE_FONTS[tag] && this.context(tag, 32)) {
                        this.resize(48, 48);
                        const images = DEVICE_FONTS[tag].samples.map((c) => {
                            const ctx = this.context(tag, 32);
                            ctx.clearRect(0, 0, 48, 48);
                            ctx.fillText(c, 8, 38);
                            return ctx.getImageData(0, 0, 48, 48).data.join();
                        });
                        const blank = new Uint8ClampedArray(48 * 48 * 4).join();
                        found = images.every((a, i) => a !== blank && images.every((b, j) => i === j || a !== b));
                    }
                } catch (e) { found = false; }
                this.found.set(tag, found);
            }
            return this.found.get(tag);
        },
        // glyphs: { codepoint, emPx } each; fills in advance and the box (left, top, width, height)
        // around the pen on the baseline, in whole pixels with one to spare around the ink.
        measure(tag, glyphs) {
            if (!this.draws(tag)) return false;
            // The advance from a large size, scaled: at the atlas's sizes the canvas may round it to
            // whole pixels, and a line of them would be wider than the font's own.
            const REFERENCE = 256, advances = new Map();
            for (const g of glyphs) {
                if (!advances.has(g.codepoint)) advances.set(g.codepoint, this.context(tag, REFERENCE).measureText(String.fromCodePoint(g.codepoint)).width);
            }
            for (const g of glyphs) {
                const m = this.context(tag, g.emPx).measureText(String.fromCodePoint(g.codepoint));
                g.advance = advances.get(g.codepoint) * g.emPx / REFERENCE;
                g.left = Math.floor(-m.actualBoundingBoxLeft) - 1;
                g.top = Math.floor(-m.actualBoundingBoxAscent) - 1;
                g.width = Math.max(1, Math.ceil(m.actualBoundingBoxRight) + 1 - g.left);
                g.height = Math.max(1, Math.ceil(m.actualBoundingBoxDescent) + 1 - g.top);
            }
            return true;
        },
        // The glyphs' coverage into an 8-bit atlas (heap bytes at pixels, width x height) at each
        // glyph's x, y: drawn in rows on one canvas, read back once.
        draw(tag, glyphs, heap, pixels, width, height) {
            if (!this.draws(tag) || !glyphs.length) return;
            const ROW = 1024;
            let x = 0, y = 0, row = 0;
            for (const g of glyphs) {
                if (x + g.width > ROW) { x = 0; y += row + 1; row = 0; }
                g.sx = x; g.sy = y;
                x += g.width + 1;
                row = Math.max(row, g.height);
            }
            this.resize(ROW, y + row);
            for (const g of glyphs) this.context(tag, g.emPx).fillText(String.fromCodePoint(g.codepoint), g.sx - g.left, g.sy - g.top);
            const image = this.ctx.getImageData(0, 0, ROW, y + row).data;
            for (const g of glyphs) {
                for (let j = 0; j < g.height && g.y + j < height; j++) {
                    const to = pixels + (g.y + j) * width + g.x;
                    const from = ((g.sy + j) * ROW + g.sx) * 4 + 3;
                    for (let i = 0; i < g.width && g.x + i < width; i++) heap[to + i] = image[from + i * 4];
                }
            }
            this.resize(1, 1);   // the pixels are in the atlas now
        },
    };
    // The same on the app's heap: count platform::DeviceGlyph records (src/platform/platform.h,
    // nine little-endian 32-bit fields) at address, the atlas's 8-bit pixels at atlas.
    const FIELDS = 9;
    function readGlyphs(heap, address, count) {
        const view = new DataView(heap.buffer, address, count * FIELDS * 4);
        const list = [];
        for (let i = 0; i < count; i++) {
            const at = (k) => (i * FIELDS + k) * 4;
            list.push({ codepoint: view.getUint32(at(0), true), emPx: view.getFloat32(at(1), true), left: view.getInt32(at(3), true),
                        top: view.getInt32(at(4), true), width: view.getInt32(at(5), true), height: view.getInt32(at(6), true),
                        x: view.getInt32(at(7), true), y: view.getInt32(at(8), true) });
        }
        return { view, list };
    }
    deviceFonts.measureIn = function (tag, heap, address, count) {
        const { view, list } = readGlyphs(heap, address, count);
        if (!this.measure(tag, list)) return false;
        list.forEach((g, i) => {
            view.setFloat32((i * FIELDS + 2) * 4, g.advance, true);
            [g.left, g.top, g.width, g.height].forEach((v, k) => view.setInt32((i * FIELDS + 3 + k) * 4, v, true));
        });
        return true;
    };
    deviceFonts.drawIn = function (tag, heap, address, count, atlas, width, height) {
        this.draw(tag, readGlyphs(heap, address, count).list, heap, atlas, width, height);
    };
    window.bandCircuitDeviceFonts = deviceFonts;
})();
