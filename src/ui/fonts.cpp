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
#include <imgui_internal.h>  // ImTextCharFromUtf8

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
    if (&bc::ActiveLanguage() != &bc::LanguageAt(0))
    {
        ImFontGlyphRangesBuilder builder;
        bc::ForEachTranslation([](const char* text, void* user) { ((ImFontGlyphRangesBuilder*)user)->AddText(text); }, &builder);
        builder.AddText("\u00a0\u202f");  // what Intl puts between numbers and words
        for (ImWchar c = 0; c < 0x80; c++)
            builder.UsedChars[c >> 5] &= ~(1u << (c & 31));  // ASCII comes from the built-in font
        builder.BuildRanges(&language_glyphs);
    }
    // A size that shows the language's words asks the built-in font for them too (it has some of
    // them, as ü and the Cyrillic of the languages' own names), and the language's font for the rest.
    static ImVector<ImWchar> text_ranges, cue_ranges;
    auto with_language = [&](const ImWchar* glyphs, ImVector<ImWchar>* out) {
        if (language_glyphs.empty())
            return glyphs;
        ImFontGlyphRangesBuilder builder;
        builder.AddRanges(glyphs);
        builder.AddRanges(language_glyphs.Data);
        out->clear();
        builder.BuildRanges(out);
        return (const ImWchar*)out->Data;
    };
    ImFontConfig merge = config;
    merge.MergeMode = true;
    auto add = [&](float css_px, const ImWchar* glyphs) {
        ImFont* font = io.Fonts->AddFontFromMemoryTTF(data, size, css_px * device_pixel_ratio, &config, glyphs);
        if (!language_glyphs.empty() && !language_font.empty())
            io.Fonts->AddFontFromMemoryTTF((void*)language_font.data(), (int)language_font.size(), css_px * device_pixel_ratio, &merge,
                                           language_glyphs.Data);
        return font;
    };
    const ImWchar* text = with_language(text_glyphs, &text_ranges);
    g_Fonts[FontRole_Body] = add(BodyFontSize, text);
    g_Fonts[FontRole_Heading] = add(HeadingFontSize, text);
    g_Fonts[FontRole_Big] = io.Fonts->AddFontFromMemoryTTF(data, size, BigFontSize * device_pixel_ratio, &config, big_glyphs);
    g_Fonts[FontRole_Cue] = add(CueFontSize, with_language(cue_glyphs, &cue_ranges));
    io.Fonts->Build();
    io.FontGlobalScale = 1.0f / device_pixel_ratio;
    io.FontDefault = g_Fonts[FontRole_Body];
}

int ui::MissingGlyphs()
{
    if (g_Fonts[FontRole_Body] == nullptr)
        return 0;
    struct Count
    {
        int Missing = 0;
    } count;
    bc::ForEachTranslation(
        [](const char* text, void* user) {
            for (const char* s = text; *s;)
            {
                unsigned c = 0;
                s += ImTextCharFromUtf8(&c, s, nullptr);
                if (c == ' ' || c == '\n' || c == 0x00A0 || c == 0x202F)
                    continue;  // spaces draw nothing in any size
                // The tempo word's size holds the ASCII letters English needs, and every letter of
                // the language beyond ASCII (its texts are not told apart from the others).
                for (FontRole role : { FontRole_Body, FontRole_Heading, FontRole_Cue })
                    if ((role != FontRole_Cue || c >= 0x80) && g_Fonts[role]->FindGlyphNoFallback((ImWchar)c) == nullptr)
                        ((Count*)user)->Missing++;
            }
        },
        &count);
    return count.Missing;
}

ImFont* ui::GetFont(FontRole role)
{
    return g_Fonts[role];
}
