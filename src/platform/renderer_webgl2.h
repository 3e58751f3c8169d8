// Draws Dear ImGui's frames with WebGL2, in place of Dear ImGui's OpenGL3 backend.
//
// Why a renderer of our own: the app owns its whole WebGL2 context, so nothing needs saving and
// restoring around a frame. The OpenGL3 backend reads about twenty pieces of GL state back on every
// frame, and in a browser some of those reads wait for the GPU process to finish all queued work:
// that wait was most of the app's CPU time per frame. This renderer never reads GL state during a
// frame. It also keeps the font atlas as one byte per pixel (an R8 texture) instead of converting
// it to RGBA, which is a quarter of the bytes to upload on the first frame.
#pragma once

struct ImDrawData;

namespace platform {

bool RendererInit();                                                   // shader program, buffers, vertex array; false if unusable.
                                                                       // Again after a lost context is restored; then upload the fonts.
void RendererUploadFonts();                                            // (re)uploads Dear ImGui's font atlas and sets its texture id
void RendererDraw(ImDrawData* draw_data, const float clear_color[3]);  // clears, then draws

}  // namespace platform
