// Fonts are rasterised at CSS size x devicePixelRatio and drawn at 1/DPR scale, so layout stays
// in CSS pixels while glyphs stay sharp on phones. Every size the app draws is baked once, before
// the first frame, so no tap ever waits for the atlas to be rebuilt (entering the session used to
// add the timer font then, 0.8 to 1.6 s on a phone-speed CPU). What keeps that start-up cost small
// is that each size holds only the glyphs it shows: the timer only digits, '/', ':' and a dash,
// the tempo word only letters and a little punctuation. The lists live in CMakeLists.txt
// (FONT_GLYPHS_*), which also subsets the embedded font to their union.
//
// A language other than English brings its own glyphs (core::LanguageFonts(): cut by
// assets/lang/languages.py from its script's font, Noto Sans Arabic or Noto Sans CJK JP, and from
// the same Inter): they are merged into the text and tempo-word sizes, and only the characters its
// texts use are rasterised (the tempo word's size only those of the texts it draws). Characters that
// none of those fonts has (Japanese's CJK characters, where the device has a Japanese font of its
// own) are drawn by the device's font into the atlas: see "The device's own fonts" below.
#include "ui/fonts.h"

#include "ui/text_direction.h"

#include "core/catalogue.h"
#include "core/wording.h"
#include "platform/platform.h"

#include <cstring>
#include <vector>

#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

#include "ui_font_data.h"    // generated at build time from Debian's fonts-inter (see CMakeLists.txt)
#include "ui_font_glyphs.h"  // generated from CMakeLists.txt's FONT_GLYPHS_* lists

static ImFont* g_Fonts[ui::FontRole_COUNT] = {};

// Every text the tempo word's size draws, in the active language: the tempo words, the side a
// switch leads to, and the finish screen's title. Its size rasterises only their characters (a
// Japanese tempo word at 46 px x DPR must not bring every character of the language along).
static void ForEachCueText(void (*visit)(const char* text, void* user), void* user)
{
    for (int e = 0; e < core::ExerciseCount; e++)
    {
        const core::Exercise& exercise = core::GetExercise((core::ExerciseId)e);
        for (int p = 0; p < exercise.TempoPartCount; p++)
            visit(core::Tr(exercise.Tempo[p].Name), user);
        for (core::Side side : { core::Side::Left, core::Side::Right, core::Side::Forward, core::Side::Back })
            visit(core::SideNowText(exercise, side), user);
    }
    for (const char* title : { "Your pace", "Session ended", "No reps done", "Well done!" })
        visit(core::Tr(title), user);
}

// The characters of some texts, as ranges for ImFontAtlas: beyond ASCII only, or all of them.
static void GlyphsOf(void (*each)(void (*)(const char*, void*), void*), bool with_ascii, ImVector<ImWchar>* out)
{
    ImFontGlyphRangesBuilder builder;
    each([](const char* text, void* user) { ((ImFontGlyphRangesBuilder*)user)->AddText(text); }, &builder);
    builder.AddText("\u00a0\u202f");  // what Intl puts between numbers and words
    if (!with_ascii)
        for (ImWchar c = 0; c < 0x80; c++)
            builder.UsedChars[c >> 5] &= ~(1u << (c & 31));  // the sizes have ASCII already
    out->clear();
    builder.BuildRanges(out);
}

// Big-endian reads from a TrueType font, 0 past its end.
struct FontReader
{
    const unsigned char* Font;
    size_t Size;
    unsigned U16(size_t at) const { return at + 2 <= Size ? (unsigned)(Font[at] << 8 | Font[at + 1]) : 0u; }
    size_t U32(size_t at) const { return (size_t)U16(at) << 16 | U16(at + 2); }
    size_t Table(const char* tag) const  // where a table starts, 0 when there is none
    {
        for (size_t i = 0, count = U16(4); i < count && 12 + i * 16 + 16 <= Size; i++)
            if (memcmp(Font + 12 + i * 16, tag, 4) == 0)
                return U32(12 + i * 16 + 8);
        return 0;
    }
};

// A font's height from ascender to descender in ems (hhea over head's unitsPerEm), read from its
// TrueType tables; 0 when they cannot be found. Dear ImGui sizes a font by that height: a merged font
// is given the size that makes its em as large as the UI font's, so an Arabic or Japanese letter is
// as large as a Latin one.
static float HeightInEms(const unsigned char* font, size_t size)
{
    const FontReader r{ font, size };
    const size_t head = r.Table("head"), hhea = r.Table("hhea");
    const float units_per_em = head ? (float)r.U16(head + 18) : 0.0f;
    const float height = hhea ? (float)(int16_t)r.U16(hhea + 4) - (float)(int16_t)r.U16(hhea + 6) : 0.0f;
    return units_per_em > 0.0f && height > 0.0f ? height / units_per_em : 0.0f;
}

// Whether a TrueType font has a glyph for c: its cmap's Unicode subtables of format 4 or 12 (what
// the fonts of this app, cut by fontTools, carry).
static bool HasGlyph(const unsigned char* font, size_t size, unsigned c)
{
    const FontReader r{ font, size };
    const size_t cmap = r.Table("cmap");
    for (size_t i = 0, count = cmap ? r.U16(cmap + 2) : 0; i < count; i++)
    {
        const size_t record = cmap + 4 + i * 8, sub = cmap + r.U32(record + 4);
        const unsigned platform = r.U16(record), encoding = r.U16(record + 2), format = r.U16(sub);
        if (platform != 0 && !(platform == 3 && (encoding == 1 || encoding == 10)))
            continue;
        if (format == 4 && c <= 0xFFFF)
        {
            const size_t segments = r.U16(sub + 6) / 2, ends = sub + 14, starts = ends + segments * 2 + 2;
            const size_t deltas = starts + segments * 2, offsets = deltas + segments * 2;
            for (size_t s = 0; s < segments; s++)
            {
                if (c > r.U16(ends + s * 2))
                    continue;
                if (c < r.U16(starts + s * 2))
                    break;
                const unsigned offset = r.U16(offsets + s * 2);
                const unsigned glyph = offset ? r.U16(offsets + s * 2 + offset + (c - r.U16(starts + s * 2)) * 2) : c;
                if (glyph != 0 && ((glyph + r.U16(deltas + s * 2)) & 0xFFFF) != 0)
                    return true;
                break;
            }
        }
        else if (format == 12)
        {
            for (size_t g = 0, groups = r.U32(sub + 12); g < groups && sub + 16 + g * 12 + 12 <= size; g++)
                if (c >= r.U32(sub + 16 + g * 12) && c <= r.U32(sub + 16 + g * 12 + 4))
                    return r.U32(sub + 16 + g * 12 + 8) + (c - r.U32(sub + 16 + g * 12)) != 0;
        }
    }
    return false;
}

// --- The device's own fonts
//
// The characters of the active language that no font has, neither the UI font nor those of its
// file, are drawn by the device (Japanese on a device with a Japanese font: its file then comes
// without the outlines, see assets/lang/languages.py): measured before the atlas is packed, each
// given a rectangle of its size as a glyph of the font that shows it, and drawn into the atlas's
// pixels once it is built. A device without the font never gets here: the page fetched the outlines.
struct DeviceGlyphs
{
    ImVector<ImWchar> Missing;               // the characters no font has, in order
    ImVector<platform::DeviceGlyph> Glyphs;  // one per character and size
    ImVector<ImFont*> Fonts;                 // the font each glyph belongs to
    ImVector<int> Rects;                     // its rectangle in the atlas
};

// The characters of ranges (beyond ASCII) that no font has: kept in device->Missing.
static void FindMissing(const ImVector<ImWchar>& ranges, DeviceGlyphs* device)
{
    const std::vector<std::string_view>& fonts = core::LanguageFonts();
    for (int i = 0; i + 1 < ranges.Size && ranges[i] != 0; i += 2)
        for (unsigned c = ranges[i]; c <= ranges[i + 1]; c++)
        {
            bool found = c < 0x80 || HasGlyph(ui_font_data, ui_font_data_size, c);
            for (size_t f = 0; f < fonts.size() && !found; f++)
                found = HasGlyph((const unsigned char*)fonts[f].data(), fonts[f].size(), c);
            if (!found)
                device->Missing.push_back((ImWchar)c);
        }
}

// The missing characters that a font shows (those of its ranges), at the UI font's em in pixels.
static void AskDevice(DeviceGlyphs* device, ImFont* font, const ImWchar* ranges, float em_px)
{
    for (unsigned c : device->Missing)
        for (const ImWchar* r = ranges; r[0] != 0; r += 2)
            if (c >= r[0] && c <= r[1])
            {
                device->Glyphs.push_back({ (uint32_t)c, em_px, 0.0f, 0, 0, 0, 0, 0, 0 });
                device->Fonts.push_back(font);
                break;
            }
}

// The glyphs measured by the device, each with its rectangle; none when the device cannot draw them.
static void AddDeviceRects(DeviceGlyphs* device, ImFontAtlas* atlas)
{
    if (device->Glyphs.empty() ||
        !platform::MeasureDeviceGlyphs(core::ActiveLanguage().Tag, device->Glyphs.Data, device->Glyphs.Size))
        return;
    for (int i = 0; i < device->Glyphs.Size; i++)
    {
        const platform::DeviceGlyph& g = device->Glyphs[i];
        const ImVec2 offset((float)g.Left, (float)g.Top);  // from the baseline: moved below the ascent once built
        device->Rects.push_back(atlas->AddCustomRectFontGlyph(device->Fonts[i], (ImWchar)g.Codepoint, g.Width, g.Height, IM_ROUND(g.Advance), offset));
    }
}

// Once the atlas is built: each glyph placed from the top of the line as Dear ImGui's own are (the
// baseline at the font's ascent), and its pixels drawn.
static void DrawDeviceRects(DeviceGlyphs* device, ImFontAtlas* atlas)
{
    if (device->Rects.empty())
        return;
    for (int i = 0; i < device->Glyphs.Size; i++)
    {
        platform::DeviceGlyph& g = device->Glyphs[i];
        const ImFontAtlasCustomRect* rect = atlas->GetCustomRectByIndex(device->Rects[i]);
        g.X = rect->X;
        g.Y = rect->Y;
        ImFont* font = device->Fonts[i];
        if (ImFontGlyph* glyph = (ImFontGlyph*)font->FindGlyphNoFallback((ImWchar)g.Codepoint))
        {
            glyph->Y0 += font->Ascent;
            glyph->Y1 += font->Ascent;
        }
    }
    platform::DrawDeviceGlyphs(core::ActiveLanguage().Tag, device->Glyphs.Data, device->Glyphs.Size, atlas->TexPixelsAlpha8,
                               atlas->TexWidth, atlas->TexHeight);
}

static void ForEachShownName(void (*visit)(const char* text, void* user), void* user)
{
    for (int i = 0; i < core::LanguageCount(); i++)
        visit(core::LanguageAt(i).ShownName, user);
}

// The ranges of glyphs plus those of more (kept in *out), or glyphs alone when more is empty.
static const ImWchar* WithGlyphs(const ImWchar* glyphs, const ImVector<ImWchar>& more, ImVector<ImWchar>* out)
{
    if (more.empty())
        return glyphs;
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(glyphs);
    builder.AddRanges(more.Data);
    out->clear();
    builder.BuildRanges(out);
    return out->Data;
}

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
    // The active language's own glyphs: the characters of its texts beyond ASCII, and of its tempo
    // words for the tempo word's size; the glyphs of the languages' own names once they are here.
    static ImVector<ImWchar> language_glyphs, cue_language_glyphs, name_glyphs;
    language_glyphs.clear();
    cue_language_glyphs.clear();
    name_glyphs.clear();
    const std::vector<std::string_view>& language_fonts = core::LanguageFonts();
    if (&core::ActiveLanguage() != &core::LanguageAt(0))
    {
        GlyphsOf(core::ForEachTranslation, false, &language_glyphs);
        // The tempo word's size has only the ASCII English needs: a digit in another language's
        // title ("0回で終了") is added.
        GlyphsOf(ForEachCueText, true, &cue_language_glyphs);
    }
    DeviceGlyphs device;  // what no font has: drawn by the device's own font
    FindMissing(language_glyphs, &device);
    const std::vector<std::string_view>& name_fonts = core::NameFonts();
    if (!name_fonts.empty())
        GlyphsOf(ForEachShownName, false, &name_glyphs);
    // A size that shows the language's words asks the built-in font for them too (it has some of
    // them, as ü and the Cyrillic of the languages' own names), then the language's fonts.
    static ImVector<ImWchar> text_ranges, cue_ranges;
    ImFontConfig merge = config;
    merge.MergeMode = true;
    merge.PixelSnapH = false;  // joined Arabic letters meet without a pixel's gap
    const float ui_height = HeightInEms(ui_font_data, ui_font_data_size);
    auto merge_fonts = [&](const std::vector<std::string_view>& fonts, float css_px, const ImVector<ImWchar>& glyphs) {
        if (glyphs.empty())
            return;
        for (std::string_view font : fonts)  // a character comes from the first font that has it
        {
            const float height = HeightInEms((const unsigned char*)font.data(), font.size());
            const float same_em = ui_height > 0.0f && height > 0.0f ? height / ui_height : 1.0f;
            // A script that reaches far above and below (Arabic: over 1.8 em from ascender to
            // descender) is set a little smaller, so its lines keep clear of each other at the UI
            // font's line height.
            const float tall = height > 1.8f ? 0.85f : 1.0f;
            io.Fonts->AddFontFromMemoryTTF((void*)font.data(), (int)font.size(), css_px * device_pixel_ratio * same_em * tall, &merge, glyphs.Data);
        }
    };
    auto add = [&](float css_px, const ImWchar* glyphs, const ImVector<ImWchar>& language) {
        ImFont* font = io.Fonts->AddFontFromMemoryTTF(data, size, css_px * device_pixel_ratio, &config, glyphs);
        merge_fonts(language_fonts, css_px, language);
        if (!language.empty() && ui_height > 0.0f)
            AskDevice(&device, font, language.Data, css_px * device_pixel_ratio / ui_height);
        return font;
    };
    const ImWchar* text = WithGlyphs(text_glyphs, language_glyphs, &text_ranges);
    g_Fonts[FontRole_Body] = add(BodyFontSize, text, language_glyphs);
    merge_fonts(name_fonts, BodyFontSize, name_glyphs);  // the list of languages
    g_Fonts[FontRole_Heading] = add(HeadingFontSize, text, language_glyphs);
    g_Fonts[FontRole_Big] = io.Fonts->AddFontFromMemoryTTF(data, size, BigFontSize * device_pixel_ratio, &config, big_glyphs);
    g_Fonts[FontRole_Cue] = add(CueFontSize, WithGlyphs(cue_glyphs, cue_language_glyphs, &cue_ranges), cue_language_glyphs);
    AddDeviceRects(&device, io.Fonts);
    io.Fonts->Build();
    DrawDeviceRects(&device, io.Fonts);
    IndexGlyphs();  // for right-to-left text (ui/text_direction.h)
    io.FontGlobalScale = 1.0f / device_pixel_ratio;
    io.FontDefault = g_Fonts[FontRole_Body];
}

// Counts the characters of the texts that the given sizes cannot draw.
static int CountMissing(void (*each)(void (*)(const char*, void*), void*), std::initializer_list<ui::FontRole> roles)
{
    struct Count
    {
        std::initializer_list<ui::FontRole> Roles;
        int Missing = 0;
    } count{ roles };
    each(
        [](const char* text, void* user) {
            Count& count = *(Count*)user;
            for (const char* s = text; *s;)
            {
                unsigned c = 0;
                s += ImTextCharFromUtf8(&c, s, nullptr);
                if (c == ' ' || c == '\n' || c == 0x00A0 || c == 0x202F)
                    continue;  // spaces draw nothing in any size
                for (ui::FontRole role : count.Roles)
                    if (g_Fonts[role]->FindGlyphNoFallback((ImWchar)c) == nullptr)
                        count.Missing++;
            }
        },
        &count);
    return count.Missing;
}

int ui::MissingGlyphs()
{
    if (g_Fonts[FontRole_Body] == nullptr)
        return 0;
    // The tempo word's size holds the characters of the texts it draws, in any language.
    int missing = CountMissing(core::ForEachTranslation, { FontRole_Body, FontRole_Heading });
    missing += CountMissing(ForEachCueText, { FontRole_Cue });
    if (!core::NameFonts().empty())
        missing += CountMissing(ForEachShownName, { FontRole_Body });
    return missing;
}

ImFont* ui::GetFont(FontRole role)
{
    return g_Fonts[role];
}
