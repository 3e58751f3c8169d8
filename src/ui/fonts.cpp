// Fonts are rasterised at CSS size x devicePixelRatio and drawn at 1/DPR scale, so layout stays
// in CSS pixels while glyphs stay sharp on phones. The big font holds only the glyphs the timer
// shows; it and the tempo-word font are added to the atlas only once a screen asks for them: the first frame (home) then
// rasterises and uploads far fewer pixels, which is most of the time to first frame at DPR 3.
#include "ui/fonts.h"

#include <imgui.h>

#include "ui_font_data.h"   // generated at build time from Debian's fonts-inter (see CMakeLists.txt)

static ImFont* g_Fonts[ui::FontRole_COUNT] = {};
static bool g_Wanted[ui::FontRole_COUNT] = {};   // a screen asked for this lazily built font (Big, Cue)

void ui::LoadFonts(float device_pixel_ratio)
{
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    // WebGL2 takes any texture height: no rounding up to a power of two, less to convert and upload.
    io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;

    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;   // the data is a static array
    config.OversampleH = 1;
    config.OversampleV = 1;
    config.PixelSnapH = true;

    static const ImWchar text_ranges[] = { 0x0020, 0x007E, 0x00B0, 0x00B0, 0x00B7, 0x00B7, 0x00D7, 0x00D7,
                                           0x2013, 0x2014, 0x2019, 0x2019, 0x201C, 0x201D, 0x2022, 0x2022,
                                           0x2026, 0x2026, 0x2190, 0x2193, 0x2212, 0x2212, 0x25B6, 0x25B6, 0 };
    static const ImWchar big_ranges[] = { 0x0020, 0x0020, 0x002F, 0x003A, 0x2013, 0x2013, 0 };
    void* data = (void*)ui_font_data;
    const int size = (int)ui_font_data_size;
    g_Fonts[FontRole_Body] = io.Fonts->AddFontFromMemoryTTF(data, size, BodyFontSize * device_pixel_ratio, &config, text_ranges);
    g_Fonts[FontRole_Heading] = io.Fonts->AddFontFromMemoryTTF(data, size, HeadingFontSize * device_pixel_ratio, &config, text_ranges);
    g_Fonts[FontRole_Big] = g_Wanted[FontRole_Big] ? io.Fonts->AddFontFromMemoryTTF(data, size, BigFontSize * device_pixel_ratio, &config, big_ranges) : nullptr;
    g_Fonts[FontRole_Cue] = g_Wanted[FontRole_Cue] ? io.Fonts->AddFontFromMemoryTTF(data, size, CueFontSize * device_pixel_ratio, &config, text_ranges) : nullptr;
    io.Fonts->Build();
    io.FontGlobalScale = 1.0f / device_pixel_ratio;
    io.FontDefault = g_Fonts[FontRole_Body];
}

ImFont* ui::GetFont(FontRole role)
{
    if (g_Fonts[role] != nullptr)
        return g_Fonts[role];
    g_Wanted[role] = true;   // until the next frame rebuilds the atlas, the heading font stands in
    return g_Fonts[FontRole_Heading];
}

bool ui::FontsNeedRebuild()
{
    for (int role = 0; role < FontRole_COUNT; role++)
        if (g_Wanted[role] && g_Fonts[role] == nullptr)
            return true;
    return false;
}
