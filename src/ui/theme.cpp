// The two palettes of ui/palette.h (contrast checked by tests/core/test_palette.cpp) as a Dear
// ImGui style. Touch-first metrics: frames at least 44 CSS px tall, generous spacing, rounded
// corners, no window borders.
#include "ui/theme.h"

#include "ui/palette.h"

static ui::Palette g_Palette;
static bool g_Dark = false;
static bool g_HighContrast = false;

static ImU32 Hex(unsigned rgb) { return IM_COL32((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, 0xFF); }
static ImVec4 Vec(unsigned rgb, float alpha = 1.0f)
{
    ImVec4 c = ImGui::ColorConvertU32ToFloat4(Hex(rgb));
    c.w = alpha;
    return c;
}

void ui::ApplyTheme(bool dark, bool more_contrast)
{
    g_Dark = dark;
    g_HighContrast = more_contrast;
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    style.WindowPadding = ImVec2(16, 16);
    style.FramePadding = ImVec2(14, 12);
    style.ItemSpacing = ImVec2(10, 10);
    style.ItemInnerSpacing = ImVec2(10, 8);
    style.TouchExtraPadding = ImVec2(2, 2);
    style.ScrollbarSize = 10;
    style.GrabMinSize = 28;
    style.WindowRounding = 0;
    style.ChildRounding = 12;
    style.FrameRounding = 10;
    style.PopupRounding = 12;
    style.GrabRounding = 10;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 0;
    style.PopupBorderSize = 1;
    style.FrameBorderSize = 0;

    const PaletteHex& p = more_contrast ? (dark ? HighContrastDarkPalette : HighContrastLightPalette) : (dark ? DarkPalette : LightPalette);
    g_Palette = { Hex(p.Background), Hex(p.Surface), Hex(p.Text), Hex(p.TextMuted), Hex(p.Accent), Hex(p.AccentText),
                  Hex(p.Work), Hex(p.Rest), Hex(p.Warning), Hex(p.WarningText),
                  Hex(p.WorkFill), Hex(p.RestFill), Hex(p.SwitchFill) };

    ImVec4* c = style.Colors;
    const unsigned bg = p.Background, surface = p.Surface, text = p.Text, muted = p.TextMuted;
    const unsigned accent = p.Accent, frame = p.Frame;
    c[ImGuiCol_Text] = Vec(text);
    c[ImGuiCol_TextDisabled] = Vec(muted);
    c[ImGuiCol_WindowBg] = Vec(bg);
    c[ImGuiCol_ChildBg] = Vec(surface);
    c[ImGuiCol_PopupBg] = Vec(surface);
    c[ImGuiCol_Border] = Vec(dark ? 0x3A403D : 0xD5D8D3);
    c[ImGuiCol_BorderShadow] = Vec(0, 0.0f);
    c[ImGuiCol_FrameBg] = Vec(frame);
    c[ImGuiCol_FrameBgHovered] = Vec(dark ? 0x353B38 : 0xDADDD8);
    c[ImGuiCol_FrameBgActive] = Vec(dark ? 0x3F4643 : 0xCDD1CB);
    c[ImGuiCol_Button] = Vec(frame);
    c[ImGuiCol_ButtonHovered] = Vec(dark ? 0x353B38 : 0xDADDD8);
    c[ImGuiCol_ButtonActive] = Vec(dark ? 0x3F4643 : 0xCDD1CB);
    c[ImGuiCol_CheckMark] = Vec(accent);
    c[ImGuiCol_SliderGrab] = Vec(accent);
    c[ImGuiCol_SliderGrabActive] = Vec(accent);
    c[ImGuiCol_Header] = Vec(frame);
    c[ImGuiCol_HeaderHovered] = Vec(dark ? 0x353B38 : 0xDADDD8);
    c[ImGuiCol_HeaderActive] = Vec(dark ? 0x3F4643 : 0xCDD1CB);
    c[ImGuiCol_Separator] = Vec(dark ? 0x3A403D : 0xD5D8D3);
    c[ImGuiCol_ScrollbarBg] = Vec(bg, 0.0f);
    c[ImGuiCol_ScrollbarGrab] = Vec(dark ? 0x4A514E : 0xC2C6C1);
    c[ImGuiCol_PlotHistogram] = Vec(accent);
    c[ImGuiCol_NavHighlight] = Vec(dark ? 0xF2B24C : 0x1D4E89);
    c[ImGuiCol_ModalWindowDimBg] = Vec(0x000000, 0.45f);
    if (more_contrast)
    {
        // Every frame outlined in the text colour, so a button's edge does not rely on a faint fill.
        style.FrameBorderSize = 1.5f;
        c[ImGuiCol_Border] = Vec(text);
        c[ImGuiCol_Separator] = Vec(muted);
        c[ImGuiCol_NavHighlight] = Vec(dark ? 0xFFD34D : 0x0030A0);
    }
}

const ui::Palette& ui::Colors() { return g_Palette; }
bool ui::IsDarkTheme() { return g_Dark; }
bool ui::IsHighContrast() { return g_HighContrast; }
