// SDL2 without its software blitters. SDL reaches its CPU blitters (about 200 KB of wasm, most of
// them per-pixel-format copies) through two functions: SDL_CalculateBlit, which prepares a blit
// from one SDL_Surface to another, and SDL_RLESurface, which run-length encodes a surface for
// faster blits. The app never blits surfaces: it draws with WebGL2, and Dear ImGui asks SDL only for
// the browser's own cursors. CMakeLists.txt links the app with --wrap for both, so SDL calls the
// functions below instead and the linker leaves the blitters out. Should anything ever ask for a
// blit, that call fails with SDL's usual error value and message.
#include <SDL.h>

extern "C" int __wrap_SDL_CalculateBlit(SDL_Surface*)
{
    return SDL_SetError("Band Circuit is built without SDL's software blitters");
}

extern "C" int __wrap_SDL_RLESurface(SDL_Surface*)
{
    return SDL_SetError("Band Circuit is built without SDL's software blitters");
}
