// Minifies the page's own scripts in dist/ (called by dev.sh's assemble_dist), in place, with
// terser from tests/browser's npm packages: web/ keeps the readable source, the site serves the
// minified copy. Global names (what the page's scripts and Emscripten's share) are left as they
// are; only local names are shortened, and comments go.
//
//   node assets/minify_js.mjs [--statements] FILE.js...
//
// --statements keeps each top-level statement whole, on its own line, as written (no compression,
// which would merge and inline declarations): for sw.js, whose placeholders dev.sh fills in and
// whose `const FILES = [...]` and `CACHE_PREFIX + "version"` tests/browser/pwa.test.mjs reads.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { minify } = createRequire(path.join(ROOT, "tests/browser/package.json"))("terser");

const args = process.argv.slice(2);
const statements = args[0] === "--statements";
const options = statements
    ? { compress: false, mangle: true, format: { beautify: true, indent_level: 0, comments: false } }
    : { compress: { passes: 2 }, mangle: true, format: { comments: false } };
for (const file of statements ? args.slice(1) : args) {
    const result = await minify(fs.readFileSync(file, "utf8"), options);
    fs.writeFileSync(file, result.code + "\n");
}
