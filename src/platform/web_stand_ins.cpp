// Small stand-ins for library code the page links but never runs, so the linker leaves the real
// code out of the wasm (and, for the GL table, most of Emscripten's WebGL JavaScript library).
// Each one keeps the behaviour the app sees; CMakeLists.txt links them (--wrap where named so).
//
// SDL's "offscreen" and "dummy" video drivers: SDL tries them only when the Emscripten driver
// cannot be created (it always can) or when the SDL_VIDEODRIVER hint names them (the page never
// sets it). They bring SDL's EGL loader, framebuffer surfaces, file streams and a BMP writer.
// Their driver entries are defined here, so the linker takes these instead of SDL's objects: same
// names, but creating one fails with SDL's usual error.
//
// eglGetProcAddress (--wrap): Emscripten's looks the name up in a table of every GL and WebGL
// function, which keeps all of them in the build. Only SDL calls it, through
// SDL_GL_GetProcAddress(), for the few functions it needs to query a context; those are answered
// here with the same functions, any other name with nullptr (as for a name Emscripten does not
// know). The app's renderer calls GL directly and never looks a function up by name.
//
// SDL surfaces (--wrap): SDL_ConvertSurface is reached only from SDL's custom colour cursors
// (SDL_CreateColorCursor; Dear ImGui asks only for the browser's own cursors) and the Emscripten
// driver's software framebuffer only from SDL_GetWindowSurface() (the app draws with WebGL2). Both
// fail here with SDL's usual error value, and SDL's pixel format conversion and the framebuffer's
// canvas-copying JavaScript stay out.
//
// Fullscreen and pointer lock (--wrap): SDL asks the browser for them only when the app asks SDL
// for a fullscreen window or relative mouse mode, which it never does. They answer "not
// supported" here, so Emscripten's JavaScript for both (canvas resizing and restyling, deferred
// requests) stays out. SDL still listens for the browser's own fullscreen and pointer lock changes.
//
// sscanf (--wrap): its only callers are Dear ImGui's .ini readers, and the app never loads an
// .ini (io.IniFilename is nullptr, nothing calls LoadIniSettingsFromMemory). Here it matches
// nothing, so an .ini line would be ignored.
//
// atof (--wrap): its only callers are SDL's mouse speed hints, which the page never sets. Here it
// reads plain decimals ("1.5", "-2", "3e2"), enough for those hints, without libc's float parser.
#include <GLES3/gl3.h>
#include <SDL.h>
#include <emscripten/html5.h>

#include <cstring>

struct SDL_VideoDevice;  // SDL's video driver, opaque here

namespace {
struct VideoBootStrap  // SDL 2.26's, from src/video/SDL_sysvideo.h (not an installed header)
{
    const char* name;                  // what SDL_VIDEODRIVER names
    const char* desc;                  // what SDL lists it as
    SDL_VideoDevice* (*create)(void);  // the driver, or nullptr when it cannot run
};

SDL_VideoDevice* NoDevice()
{
    SDL_SetError("Band Circuit's SDL has only the Emscripten video driver");
    return nullptr;
}
}  // namespace

extern "C" VideoBootStrap OFFSCREEN_bootstrap = { "offscreen", "SDL offscreen video driver (left out)", NoDevice };
extern "C" VideoBootStrap DUMMY_bootstrap = { "dummy", "SDL dummy video driver (left out)", NoDevice };

extern "C" void* __wrap_eglGetProcAddress(const char* name)
{
    struct Entry
    {
        const char* Name;  // GL function name
        void* Function;    // the function itself
    };
    static const Entry entries[] = {
        { "glGetString", (void*)&glGetString },
        { "glGetStringi", (void*)&glGetStringi },
        { "glGetIntegerv", (void*)&glGetIntegerv },
        { "glGetError", (void*)&glGetError },
        { "glBindFramebuffer", (void*)&glBindFramebuffer },
        { "glGetFramebufferAttachmentParameteriv", (void*)&glGetFramebufferAttachmentParameteriv },
    };
    for (const Entry& entry : entries)
        if (std::strcmp(entry.Name, name) == 0)
            return entry.Function;
    return nullptr;
}

extern "C" SDL_Surface* __wrap_SDL_ConvertSurface(SDL_Surface*, const SDL_PixelFormat*, Uint32)
{
    SDL_SetError("Band Circuit is built without SDL's surface conversion");
    return nullptr;
}

extern "C" int __wrap_Emscripten_CreateWindowFramebuffer(SDL_VideoDevice*, SDL_Window*, Uint32*, void**, int*)
{
    return SDL_SetError("Band Circuit is built without a software framebuffer");
}

extern "C" int __wrap_Emscripten_UpdateWindowFramebuffer(SDL_VideoDevice*, SDL_Window*, const SDL_Rect*, int)
{
    return SDL_SetError("Band Circuit is built without a software framebuffer");
}

extern "C" void __wrap_Emscripten_DestroyWindowFramebuffer(SDL_VideoDevice*, SDL_Window*)
{
}

extern "C" EMSCRIPTEN_RESULT __wrap_emscripten_request_fullscreen_strategy(const char*, EM_BOOL, const EmscriptenFullscreenStrategy*)
{
    return EMSCRIPTEN_RESULT_NOT_SUPPORTED;
}

extern "C" EMSCRIPTEN_RESULT __wrap_emscripten_exit_fullscreen()
{
    return EMSCRIPTEN_RESULT_NOT_SUPPORTED;
}

extern "C" EMSCRIPTEN_RESULT __wrap_emscripten_request_pointerlock(const char*, EM_BOOL)
{
    return EMSCRIPTEN_RESULT_NOT_SUPPORTED;
}

extern "C" EMSCRIPTEN_RESULT __wrap_emscripten_exit_pointerlock()
{
    return EMSCRIPTEN_RESULT_NOT_SUPPORTED;
}

extern "C" int __wrap_sscanf(const char*, const char*, ...)
{
    return 0;
}

extern "C" double __wrap_atof(const char* text)
{
    while (*text == ' ' || (*text >= '\t' && *text <= '\r'))
        text++;
    const double sign = *text == '-' ? -1.0 : 1.0;
    if (*text == '-' || *text == '+')
        text++;
    double value = 0.0;
    for (; *text >= '0' && *text <= '9'; text++)
        value = value * 10.0 + (*text - '0');
    if (*text == '.')
        for (double scale = 0.1; *++text >= '0' && *text <= '9'; scale *= 0.1)
            value += (*text - '0') * scale;
    if (*text == 'e' || *text == 'E')
    {
        text++;
        const bool negative = *text == '-';
        if (*text == '-' || *text == '+')
            text++;
        int exponent = 0;
        for (; *text >= '0' && *text <= '9' && exponent < 400; text++)
            exponent = exponent * 10 + (*text - '0');
        for (; exponent > 0; exponent--)
            value = negative ? value / 10.0 : value * 10.0;
    }
    return sign * value;
}
