// Two hand-picked palettes. The accent green on white is 5.9:1 and white on the accent 5.9:1; the
// dark theme's muted grey on its background is 7.4:1. Touch-first metrics: frames at least 44 CSS
// px tall, generous spacing, rounded corners, no window borders.
#include "ui/theme.h"

static ui::Palette g_Palette;
static bool g_Dark = false;

static ImU32 Hex(unsigned rgb) { return IM_COL32((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, 0xFF); }
static ImVec4 Vec(unsigned rgb, float alpha = 1.0f) { ImVec4 c = ImGui::ColorConvertU32ToFloat4(Hex(rgb)); c.w = alpha; return c; }

void ui::ApplyTheme(bool dark)
{
    g_Dark = dark;
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

    if (!dark)
    {
        g_Palette = { Hex(0xF4F4F1), Hex(0xFFFFFF), Hex(0x1B1D1C), Hex(0x4E5552), Hex(0x1F6F5C), Hex(0xFFFFFF),
                      Hex(0x12503F), Hex(0x1D4E89), Hex(0xFFE3A3), Hex(0x3A2A00),
                      Hex(0x1B1D1C), Hex(0x8A918E), Hex(0xB9BDB9), Hex(0xE0A030), Hex(0xC4391D) };
    }
    else
    {
        g_Palette = { Hex(0x121413), Hex(0x1E2221), Hex(0xECEFED), Hex(0xB4BCB8), Hex(0x5CC8A8), Hex(0x0B1F19),
                      Hex(0x7EE0C0), Hex(0x9CC3F5), Hex(0x5A4300), Hex(0xFFF1CC),
                      Hex(0xECEFED), Hex(0x7B8480), Hex(0x4A514E), Hex(0xF2B24C), Hex(0xFF7452) };
    }

    ImVec4* c = style.Colors;
    const unsigned bg = dark ? 0x121413 : 0xF4F4F1, surface = dark ? 0x1E2221 : 0xFFFFFF;
    const unsigned text = dark ? 0xECEFED : 0x1B1D1C, muted = dark ? 0xB4BCB8 : 0x4E5552;
    const unsigned accent = dark ? 0x5CC8A8 : 0x1F6F5C, frame = dark ? 0x2B302E : 0xE6E8E4;
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
    (void)surface;
}

const ui::Palette& ui::Colors() { return g_Palette; }
bool ui::IsDarkTheme() { return g_Dark; }
