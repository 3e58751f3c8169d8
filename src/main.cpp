// SDL2 + WebGL2 setup and the frame loop, nothing else: the screens live in src/ui, the workout in
// src/core, the browser APIs in src/platform.
//
// The browser drives Frame() through requestAnimationFrame. The app draws only when something
// changed or moves: after input, while an animation plays, or when a displayed time is due to
// change. Otherwise the main loop is paused (no frames at all) until an SDL event arrives (the
// event watch below) or the next due time (a timeout), so an idle page costs nothing.
#include "core/wording.h"
#include "platform/platform.h"
#include "platform/renderer_webgl2.h"
#include "ui/automation.h"
#include "ui/fonts.h"
#include "ui/layout.h"
#include "ui/shell.h"
#include "ui/taps.h"
#include "ui/text_direction.h"

#include <SDL.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_sdl2.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <malloc.h>

static struct
{
    SDL_Window* Window = nullptr;       // the canvas
    SDL_GLContext GlContext = nullptr;  // its WebGL2 context
    float FontScale = 0.0f;             // device pixel ratio the font atlas was rasterised for
    int FontLanguage = -1;              // core::LanguageGeneration() the atlas holds the glyphs of
    bool PageShown = false;             // platform::PageReady() was called: the loading message is gone
    double StartMs = 0.0;               // monotonic time main() started
    int FramesToDraw = 2;               // frames still owed after input (ImGui settles in two)
    bool Animating = false;             // the last frame asked to be drawn again at once
    double WakeAtMs = 0.0;              // monotonic time the screen next changes by itself
    bool LoopPaused = false;            // main loop paused while nothing changes
    long WakeTimeout = 0;               // pending emscripten timeout id, 0 when none
    unsigned FramesDrawn = 0;           // frames rendered since start (automation and benchmarks)
    unsigned InputTakenAt = 0;          // FramesDrawn after the last frame that took input and left none waiting (automation)
    bool ContextRestored = false;       // the browser gave back a lost WebGL context
    bool Drawing = true;                // frames reach WebGL (bandCircuit.setDrawing: the layout checks turn it off)
} g_Main;

static void WakeMainLoop()
{
    g_Main.FramesToDraw = 2;
    if (g_Main.LoopPaused)
    {
        g_Main.LoopPaused = false;
        emscripten_resume_main_loop();
    }
}

static void OnWakeTimeout(void*)
{
    g_Main.WakeTimeout = 0;
    WakeMainLoop();
}

// Called by SDL when its JS handlers queue an event, also while the main loop is paused.
static int SDLCALL OnSdlEvent(void*, SDL_Event* event)
{
    if (event->type != SDL_POLLSENTINEL)
        WakeMainLoop();
    return 1;
}

extern "C" {
// web/app.js wakes the loop for what does not pass through SDL (an imported file, the page shown).
EMSCRIPTEN_KEEPALIVE void bc_wake() { WakeMainLoop(); }
// The browser's text size changed (web/app.js watches the root font size): read it at the next frame.
EMSCRIPTEN_KEEPALIVE void bc_preferences_changed()
{
    ui::PreferencesChanged();
    WakeMainLoop();
}
EMSCRIPTEN_KEEPALIVE unsigned bc_frames_drawn() { return g_Main.FramesDrawn; }
// Once this passes the frame count read just after an input event, a frame has acted on the event
// (Dear ImGui spreads a quick press and release over two frames), and a frame always follows it
// (FramesToDraw): the tests' presses wait for both.
EMSCRIPTEN_KEEPALIVE unsigned bc_input_taken_at() { return g_Main.InputTakenAt; }
// Frames still owed after input: what a press changed can move on the frames after it (a scroll
// asked for in one frame is applied in the next), so the tests' presses wait until none is owed.
EMSCRIPTEN_KEEPALIVE int bc_frames_owed() { return g_Main.FramesToDraw; }
// The automation interface's setDrawing(): with drawing off, every frame is still laid out and
// recorded (state(), widgets(), texts() read that), but not handed to WebGL. The browser tests that
// check the layout at many sizes turn it off: a software renderer pays for every pixel.
EMSCRIPTEN_KEEPALIVE void bc_set_drawing(int drawing)
{
    g_Main.Drawing = drawing != 0;
    WakeMainLoop();
}
// Bytes malloc has handed out and not had back (the wasm heap itself never shrinks): the benchmark
// reads it to see memory come back after a large import.
EMSCRIPTEN_KEEPALIVE unsigned bc_heap_in_use() { return (unsigned)mallinfo().uordblks; }
// The plural form the app picks for a count in a language (-1: not a language of the app): the
// browser tests hold it against the browser's own Intl.PluralRules.
EMSCRIPTEN_KEEPALIVE int bc_plural_form(const char* tag, int n)
{
    const core::Language* lang = core::FindLanguage(tag);
    return lang ? lang->PluralIndex(n) : -1;
}
// web/app.js reads env(safe-area-inset-*) (through CSS custom properties) and passes it on change.
EMSCRIPTEN_KEEPALIVE void bc_set_safe_area(float top, float right, float bottom, float left)
{
    ui::SetSafeAreaInsets(top, right, bottom, left);
    WakeMainLoop();
}
// After a lost WebGL context comes back every GL object is gone: the next frame builds the
// renderer and the font atlas again.
EMSCRIPTEN_KEEPALIVE void bc_webgl_restored()
{
    g_Main.ContextRestored = true;
    WakeMainLoop();
}
}

static void PauseUntilDue(double now)
{
    if (g_Main.WakeTimeout != 0)
    {
        emscripten_clear_timeout(g_Main.WakeTimeout);
        g_Main.WakeTimeout = 0;
    }
    if (std::isfinite(g_Main.WakeAtMs))
        g_Main.WakeTimeout = emscripten_set_timeout(OnWakeTimeout, g_Main.WakeAtMs - now, nullptr);
    g_Main.LoopPaused = true;
    emscripten_pause_main_loop();
}

// A first visit in another language keeps the page's loading message up until the language's file
// is here (a fraction of a second), so the runner never sees the app flash by in English; after
// LanguageWaitMs without it, the app shows in English and switches when it arrives.
constexpr double LanguageWaitMs = 3000.0;
static void ShowPageWhenLanguageIsHere(double now_ms)
{
    if (g_Main.PageShown)
        return;
    if (ui::LanguagePending() && now_ms < g_Main.StartMs + LanguageWaitMs)
    {
        g_Main.WakeAtMs = std::min(g_Main.WakeAtMs, g_Main.StartMs + LanguageWaitMs);  // give up waiting then
        return;
    }
    g_Main.PageShown = true;
    platform::PageReady();
}

// One Dear ImGui frame of the app, up to its draw data.
static ui::FrameRequest RunImGuiFrame(const platform::Clock& clock)
{
    ImGui_ImplSDL2_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = ImMax(io.DeltaTime, 1e-4f);  // a frame run again at once: the clock may not have moved
    ui::ApplyDisplayScale();
    ui::BeginAutomationFrame();
    ImGui::NewFrame();
    const ui::FrameRequest request = ui::ShellFrame(clock);
    ImGui::Render();
    ui::EndAutomationFrame();
    return request;
}

// A scroll asked for in this frame (SetScrollHereY: the confirmation that just opened, scrolled
// into view) moves the window at the start of the next one. That frame is owed: without it the
// screen would show the controls where they were, and the next tap would land on whatever the
// scroll has brought under the finger.
static bool ScrollPending()
{
    if (ImGui::IsAnyMouseDown())
        return false;  // a finger scrolling the list: it moves it every frame it moves, and not otherwise
    for (const ImGuiWindow* window : ImGui::GetCurrentContext()->Windows)
        if (window->Active && (window->ScrollTarget.x < FLT_MAX || window->ScrollTarget.y < FLT_MAX))
            return true;
    return false;
}

static void Frame()
{
    // Large windows draw everything larger (ui/layout.h): mouse positions are queued in layout px.
    int css_w = 0, css_h = 0;
    SDL_GetWindowSize(g_Main.Window, &css_w, &css_h);
    const float display_scale = ui::UpdateDisplayScale((float)css_w, (float)css_h, ui::TextScale());
    const platform::Clock clock = platform::ReadClock();  // the one clock reading of this frame
    bool had_input = false;
    SDL_Event event;
    while (SDL_PollEvent(&event))
    {
        if (event.type == SDL_POLLSENTINEL)
            continue;
        const int queued = ImGui::GetCurrentContext()->InputEventsQueue.Size;
        ImGui_ImplSDL2_ProcessEvent(&event);
        ui::ScaleInputEventsFrom(queued);
        ui::FilterTapsFrom(queued, clock.NowMs);  // a second tap where the screen just changed does nothing
        had_input = true;
    }
    // Input Dear ImGui has yet to take (it spreads a quick tap's move, press and release over
    // several frames): the frame that takes the last of it may press a button, so one more follows.
    const bool imgui_input_pending = !ImGui::GetCurrentContext()->InputEventsQueue.empty();

    const double now = clock.NowMs;
    const bool due = now >= g_Main.WakeAtMs;
    if (!had_input && !imgui_input_pending && g_Main.FramesToDraw == 0 && !g_Main.Animating && !due)
    {
        PauseUntilDue(now);
        return;
    }

    if (g_Main.ContextRestored)
    {
        g_Main.ContextRestored = false;
        if (!platform::RendererInit())
        {
            platform::ShowFatal(core::Tr("Band Circuit could not draw again after the browser reset its graphics. Reload the page; your data is kept."));
            emscripten_cancel_main_loop();
            return;
        }
        g_Main.FontScale = 0.0f;  // the atlas texture is gone too
    }

    // Rasterise the font for the current device pixel ratio and display scale, so text is crisp at
    // DPR 1, 2 or 3 and on large windows.
    // A new language brings glyphs of its own: the atlas is built again for it, before its first frame.
    const float scale = (float)emscripten_get_device_pixel_ratio() * display_scale;
    if (scale != g_Main.FontScale || core::LanguageGeneration() != g_Main.FontLanguage)
    {
        ui::LoadFonts(scale);
        platform::RendererUploadFonts();
        g_Main.FontScale = scale;
        g_Main.FontLanguage = core::LanguageGeneration();
    }

    ui::FrameRequest request = RunImGuiFrame(clock);
    // A press that switches screens takes effect mid-frame, so that frame still shows most of the
    // old screen. It is run again at once and only the second one is drawn: the new screen is up in
    // the first frame after the tap, not the second (a frame of ImGui costs well under 1 ms; a frame
    // shown late costs a whole display refresh).
    if (request.ScreenChanged)
        request = RunImGuiFrame(clock);

    if (g_Main.Drawing)
    {
        ui::ApplyTextDirection(ImGui::GetDrawData());  // an Arabic screen is mirrored, Arabic words read right to left
        platform::RendererDraw(ImGui::GetDrawData(), request.ClearColor);
        ui::RestoreTextDirection(ImGui::GetDrawData());
        SDL_GL_SwapWindow(g_Main.Window);
    }

    g_Main.FramesDrawn++;
    if ((had_input || imgui_input_pending) && ImGui::GetCurrentContext()->InputEventsQueue.empty())
        g_Main.InputTakenAt = g_Main.FramesDrawn;
    g_Main.FramesToDraw = had_input ? 2 : (g_Main.FramesToDraw > 0 ? g_Main.FramesToDraw - 1 : 0);
    if ((imgui_input_pending || ScrollPending()) && g_Main.FramesToDraw == 0)
        g_Main.FramesToDraw = 1;
    g_Main.Animating = request.Animating;
    g_Main.WakeAtMs = request.WakeAtMs;
    ShowPageWhenLanguageIsHere(now);
}

int main(int, char**)
{
    // SDL would otherwise queue a marker event on every poll, which would wake the idle loop.
    SDL_SetHint(SDL_HINT_POLL_SENTINEL, "0");
    // No SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT: SDL then reads keys from the whole window, so Space
    // and the arrows work wherever focus is.
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0)
    {
        printf("SDL_Init failed: %s\n", SDL_GetError());
        return 1;
    }
    // WebGL2 is OpenGL ES 3.0.
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);

    // The canvas is sized by CSS (web/style.css); SDL follows it and sets its backing store to
    // the CSS size times devicePixelRatio, also after resizes and orientation changes.
    g_Main.Window = SDL_CreateWindow("Band Circuit", 0, 0, 360, 640,
                                     SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (g_Main.Window == nullptr)
    {
        printf("SDL_CreateWindow failed: %s\n", SDL_GetError());
        return 1;
    }
    g_Main.GlContext = SDL_GL_CreateContext(g_Main.Window);
    if (g_Main.GlContext == nullptr)
    {
        printf("WebGL2 is not available: %s\n", SDL_GetError());
        platform::ShowFatal(core::Tr("This browser cannot draw with WebGL2."));
        return 1;
    }
    SDL_GL_MakeCurrent(g_Main.Window, g_Main.GlContext);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // the app saves only what the user chose, in localStorage
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ui::InstallAutomationHooks();

    ImGui_ImplSDL2_InitForOpenGL(g_Main.Window, g_Main.GlContext);
    if (!platform::RendererInit())
    {
        platform::ShowFatal(core::Tr("This browser cannot draw Band Circuit: its WebGL2 shader did not build."));
        return 1;
    }

    const platform::Clock start = platform::ReadClock();
    g_Main.StartMs = start.NowMs;
    ui::ShellInit(start);
    SDL_AddEventWatch(OnSdlEvent, nullptr);
    if (!ui::LanguagePending())
    {
        g_Main.PageShown = true;
        platform::PageReady();
    }
    emscripten_set_main_loop(Frame, 0, 0);
    return 0;
}
