// Stand-in for Dear ImGui's examples/libs/emscripten/emscripten_mainloop_stub.h, which Debian's
// imgui source package leaves out. The example writes its loop body between
// EMSCRIPTEN_MAINLOOP_BEGIN and EMSCRIPTEN_MAINLOOP_END; on the web that body becomes the function
// the browser calls once per requestAnimationFrame, and main() never returns (the emscripten
// runtime keeps the stack frame that the body's captured locals live in).
#pragma once

#include <emscripten.h>
#include <functional>

static std::function<void()> g_BenchLoopBody;  // the example's loop body, captured by reference

static void BenchLoopIteration() { g_BenchLoopBody(); }

#define EMSCRIPTEN_MAINLOOP_BEGIN g_BenchLoopBody = [&]()
#define EMSCRIPTEN_MAINLOOP_END \
    ;                           \
    emscripten_set_main_loop(BenchLoopIteration, 0, 1)
