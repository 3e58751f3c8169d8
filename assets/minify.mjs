// Minifies the page's own files in dist/ (called by dev.sh's assemble_dist), in place: web/ keeps
// the readable source with its comments, the site serves the smaller copy.
//   .js           terser (from tests/browser's npm packages): comments go, local names are
//                 shortened; global names (what the page's scripts and Emscripten's share) stay.
//   .html         comments go.
//   .css          comments and indentation go.
//   .webmanifest  JSON without spaces.
//
//   node assets/minify.mjs [--statements] FILE...
//
// --statements keeps each top-level statement of a script whole, on its own line, as written (no
// compression, which would merge and inline declarations): for sw.js, whose placeholders dev.sh
// fills in and whose `const FILES = [...]` and `CACHE_PREFIX + "version"` the PWA tests read.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { minify } = createRequire(path.join(ROOT, "tests/browser/package.json"))("terser");

const args = process.argv.slice(2);
const statements = args[0] === "--statements";
const scriptOptions = statements
    ? { compress: false, mangle: true, format: { beautify: true, indent_level: 0, comments: false } }
    : { compress: { passes: 2 }, mangle: true, format: { comments: false } };
for (const file of statements ? args.slice(1) : args) {
    const text = fs.readFileSync(file, "utf8");
    let result;
    if (file.endsWith(".js")) result = (await minify(text, scriptOptions)).code + "\n";
    else if (file.endsWith(".html")) result = text.replace(/<!--[\s\S]*?-->\s*/g, "");
    else if (file.endsWith(".css")) result = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\n\s*/g, "\n").trimStart();
    else if (file.endsWith(".webmanifest")) result = JSON.stringify(JSON.parse(text)) + "\n";
    else throw new Error(`${file}: no minifier for this kind of file`);
    fs.writeFileSync(file, result);
}
