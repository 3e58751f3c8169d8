// The page around Dear ImGui's SDL2 + WebGL2 example, the yardstick of `./dev.sh bench`: the
// smallest Emscripten module configuration that runs it, kept the same shape as the app's page
// (web/app.js) so both load the same way: a stylesheet, a page script, the module script.
"use strict";

window.Module = {
    canvas: document.getElementById("canvas"),
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
};
