// SDL2 without its software blitters and its game controller mappings. SDL reaches its CPU
// blitters (about 200 KB of wasm, most of them per-pixel-format copies) through two functions:
// SDL_CalculateBlit, which prepares a blit from one SDL_Surface to another, and SDL_RLESurface,
// which run-length encodes a surface for faster blits (SDL_UnRLESurface undoes that, so with no
// surface ever encoded it has nothing to do). The app never blits surfaces: it draws with WebGL2,
// and Dear ImGui asks SDL only for the browser's own cursors. Dear ImGui's SDL backend opens a game
// controller when gamepad navigation is on (the app never turns it on); SDL_GameControllerOpen
// is what pulls in SDL's table of controller mappings and its parser. CMakeLists.txt links the app
// with --wrap for these, so SDL calls the functions below instead and the linker leaves the rest
// out. Should anything ever ask for a blit or a controller, that call fails with SDL's usual error
// value and message.
#include <SDL.h>

extern "C" int __wrap_SDL_CalculateBlit(SDL_Surface*)
{
    return SDL_SetError("Band Circuit is built without SDL's software blitters");
}

extern "C" int __wrap_SDL_RLESurface(SDL_Surface*)
{
    return SDL_SetError("Band Circuit is built without SDL's software blitters");
}

extern "C" void __wrap_SDL_UnRLESurface(SDL_Surface*, int)
{
}

extern "C" SDL_GameController* __wrap_SDL_GameControllerOpen(int)
{
    SDL_SetError("Band Circuit is built without game controller support");
    return nullptr;
}
