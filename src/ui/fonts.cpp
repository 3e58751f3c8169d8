// Fonts are rasterised at CSS size x devicePixelRatio and drawn at 1/DPR scale, so layout stays
// in CSS pixels while glyphs stay sharp on phones. Every size the app draws is baked once, before
// the first frame, so no tap ever waits for the atlas to be rebuilt (entering the session used to
// add the timer font then, 0.8 to 1.6 s on a phone-speed CPU). What keeps that start-up cost small
// is that each size holds only the glyphs it shows: the timer only digits, '/', ':' and a dash,
// the tempo word only letters and a little punctuation. The lists live in CMakeLists.txt
// (FONT_GLYPHS_*), which also subsets the embedded font to their union.
//
// A language other than English brings its own glyphs (bc::LanguageFont(), cut from the same font
// by assets/lang/languages.py): they are merged into the text and tempo-word sizes, and only the
// characters its texts use are rasterised.
#include "ui/fonts.h"

#include "core/wording.h"

#include <imgui.h>

#include "ui_font_data.h"    // generated at build time from Debian's fonts-inter (see CMakeLists.txt)
#include "ui_font_glyphs.h"  // generated from CMakeLists.txt's FONT_GLYPHS_* lists

static ImFont* g_Fonts[ui::FontRole_COUNT] = {};

void ui::LoadFonts(float device_pixel_ratio)
{
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    // WebGL2 takes any texture height: no rounding up to a power of two, less to convert and upload.
    io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;

    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;  // the data is a static array
    config.OversampleH = 1;
    config.OversampleV = 1;
    config.PixelSnapH = true;

    static const ImWchar text_glyphs[] = { UI_FONT_GLYPHS_TEXT, 0 };
    static const ImWchar big_glyphs[] = { UI_FONT_GLYPHS_BIG, 0 };
    static const ImWchar cue_glyphs[] = { UI_FONT_GLYPHS_CUE, 0 };
    void* data = (void*)ui_font_data;
    const int size = (int)ui_font_data_size;
    // The active language's own glyphs: the characters of its texts beyond ASCII.
    static ImVector<ImWchar> language_glyphs;
    language_glyphs.clear();
    const std::string_view language_font = bc::LanguageFont();
    if (!language_font.empty())
    {
        ImFontGlyphRangesBuilder builder;
        bc::ForEachTranslation([](const char* text, void* user) { ((ImFontGlyphRangesBuilder*)user)->AddText(text); }, &builder);
        builder.AddText("\u00a0\u202f");  // what Intl puts between numbers and words
        for (ImWchar c = 0; c < 0x80; c++)
            builder.UsedChars[c >> 5] &= ~(1u << (c & 31));  // ASCII comes from the built-in font
        builder.BuildRanges(&language_glyphs);
    }
    ImFontConfig merge = config;
    merge.MergeMode = true;
    auto add = [&](float css_px, const ImWchar* glyphs) {
        ImFont* font = io.Fonts->AddFontFromMemoryTTF(data, size, css_px * device_pixel_ratio, &config, glyphs);
        if (!language_glyphs.empty())
            io.Fonts->AddFontFromMemoryTTF((void*)language_font.data(), (int)language_font.size(), css_px * device_pixel_ratio, &merge,
                                           language_glyphs.Data);
        return font;
    };
    g_Fonts[FontRole_Body] = add(BodyFontSize, text_glyphs);
    g_Fonts[FontRole_Heading] = add(HeadingFontSize, text_glyphs);
    g_Fonts[FontRole_Big] = io.Fonts->AddFontFromMemoryTTF(data, size, BigFontSize * device_pixel_ratio, &config, big_glyphs);
    g_Fonts[FontRole_Cue] = add(CueFontSize, cue_glyphs);
    io.Fonts->Build();
    io.FontGlobalScale = 1.0f / device_pixel_ratio;
    io.FontDefault = g_Fonts[FontRole_Body];
}

ImFont* ui::GetFont(FontRole role)
{
    return g_Fonts[role];
}
