// Widgets are collected through IMGUI_ENABLE_TEST_ENGINE's hooks, which Dear ImGui calls for
// every button, checkbox, slider and selectable it submits (clipped-out items are never
// submitted, so the list holds what is on screen). The rectangle reported is the part of the item
// visible inside its window, in CSS pixels of the viewport, which is where a finger would land.
// Items inside a finger-scrolled region also carry the region's visible rectangle, so a test can
// tell an item the user scrolls to from one cut off by the screen edge.
//
// texts() lists every line of text the last frame drew, with its rectangle: read back from the
// draw lists (each glyph is a textured quad whose texture coordinates name the glyph), so it sees
// text from every source (ImGui's own widgets and the screens' direct drawing) without the screens
// doing anything. Tests use it to find text drawn over text or cut off.
#include "ui/automation.h"
#include "ui/app.h"
#include "ui/layout.h"

#include <emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cstdio>
#include <string>
#include <vector>

struct RecordedWidget
{
    std::string Label;   // visible text, without any "##id" suffix
    ImRect      Rect;    // visible part, layout px
    ImRect      Item;    // the whole item, layout px (larger than Rect when scrolled partly out)
    bool        InScroll;   // inside a finger-scrolled region
    ImRect      Scroll;  // that region's visible rectangle, layout px
    bool        Enabled; // false when drawn disabled
};

struct ScrollRegion
{
    ImGuiID Window;      // the child window
    ImRect  Visible;     // its clip rectangle, layout px
};

static std::vector<RecordedWidget> g_Building;   // filled during the current frame
static std::vector<RecordedWidget> g_LastFrame;  // the last complete frame
static std::vector<ScrollRegion> g_BuildingRegions, g_LastRegions;
static float g_LastScale = 1.0f;                 // display scale of the last frame (CSS px per layout px)
static std::string g_Json;

void ui::MarkScrollRegion()
{
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    g_BuildingRegions.push_back({ window->ID, window->InnerClipRect });
}

static const ScrollRegion* FindScrollRegion(const std::vector<ScrollRegion>& regions, ImGuiWindow* window)
{
    for (; window != nullptr; window = window->ParentWindow)
        for (const ScrollRegion& region : regions)
            if (region.Window == window->ID)
                return &region;
    return nullptr;
}

void ui::InstallAutomationHooks()
{
    ImGui::GetCurrentContext()->TestEngineHookItems = true;
}

void ui::BeginAutomationFrame()
{
    g_Building.clear();
    g_BuildingRegions.clear();
}

void ui::EndAutomationFrame()
{
    g_LastFrame.swap(g_Building);
    g_LastRegions.swap(g_BuildingRegions);
    g_LastScale = DisplayScale();
}

// --- Dear ImGui's hooks (declared in imgui_internal.h when IMGUI_ENABLE_TEST_ENGINE is set)

void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, ImGuiID, const ImRect&, const ImGuiLastItemData*) {}
void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags)
{
    ImGuiContext& g = *ctx;
    if (g.LastItemData.ID != id || label == nullptr || g.CurrentWindow == nullptr)
        return;
    const char* end = ImGui::FindRenderedTextEnd(label);
    if (end == label)
        return;   // hidden label: not something a user can find by its text
    ImRect visible = g.LastItemData.Rect;
    visible.ClipWithFull(g.CurrentWindow->ClipRect);
    if (visible.GetWidth() <= 0.0f || visible.GetHeight() <= 0.0f)
        return;
    const bool enabled = (g.LastItemData.InFlags & ImGuiItemFlags_Disabled) == 0;
    const ScrollRegion* region = FindScrollRegion(g_BuildingRegions, g.CurrentWindow);
    g_Building.push_back({ std::string(label, end), visible, g.LastItemData.Rect, region != nullptr,
                           region != nullptr ? region->Visible : ImRect(), enabled });
}

// --- Exported to web/app.js

void ui::AppendJsonString(std::string& out, const std::string& text)
{
    out += '"';
    for (unsigned char c : text)
    {
        if (c == '"' || c == '\\') { out += '\\'; out += (char)c; }
        else if (c < 0x20) { char buf[8]; snprintf(buf, sizeof(buf), "\\u%04x", c); out += buf; }
        else out += (char)c;
    }
    out += '"';
}

// {"x":..,"y":..,"w":..,"h":..} of a layout-px rectangle, in CSS px.
static void AppendRect(std::string& out, const ImRect& r, float scale)
{
    char buf[128];
    snprintf(buf, sizeof(buf), "{\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,\"h\":%.1f}", r.Min.x * scale, r.Min.y * scale,
             r.GetWidth() * scale, r.GetHeight() * scale);
    out += buf;
}

extern "C" EMSCRIPTEN_KEEPALIVE const char* bc_widgets_json()
{
    // While the loop is paused the last drawn frame is still the one on screen.
    const std::vector<RecordedWidget>& widgets = g_LastFrame;
    const float s = g_LastScale;
    g_Json = "[";
    char buf[160];
    for (const RecordedWidget& w : widgets)
    {
        if (g_Json.size() > 1)
            g_Json += ',';
        g_Json += "{\"label\":";
        ui::AppendJsonString(g_Json, w.Label);
        snprintf(buf, sizeof(buf), ",\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,\"h\":%.1f,\"enabled\":%s,\"item\":",
                 w.Rect.Min.x * s, w.Rect.Min.y * s, w.Rect.GetWidth() * s, w.Rect.GetHeight() * s, w.Enabled ? "true" : "false");
        g_Json += buf;
        AppendRect(g_Json, w.Item, s);
        g_Json += ",\"scroll\":";
        if (w.InScroll)
            AppendRect(g_Json, w.Scroll, s);
        else
            g_Json += "null";
        g_Json += '}';
    }
    g_Json += "]";
    return g_Json.c_str();
}

// --- texts(): lines of text read back from the last frame's draw lists

struct GlyphKey
{
    float U0, V0, U1, V1;   // the glyph's place in the font atlas
    unsigned Codepoint;
};

struct TextRun
{
    std::string Text;    // UTF-8, without spaces (a blank draws no quad); "?" for a glyph cut by clipping
    ImRect Rect;         // union of its glyphs, layout px
    ImRect Clip;         // the clip rectangle it was drawn with
    ImU32 Color;
    bool Trimmed;        // a glyph was cut by CPU clipping (a label wider than its button)
    float LastX0, LastX1;   // the last glyph's horizontal extent
};

static void AppendUtf8(std::string& out, unsigned c)
{
    if (c < 0x80) out += (char)c;
    else if (c < 0x800) { out += (char)(0xC0 | (c >> 6)); out += (char)(0x80 | (c & 0x3F)); }
    else { out += (char)(0xE0 | (c >> 12)); out += (char)(0x80 | ((c >> 6) & 0x3F)); out += (char)(0x80 | (c & 0x3F)); }
}

extern "C" EMSCRIPTEN_KEEPALIVE const char* bc_texts_json()
{
    g_Json = "[";
    ImDrawData* draw_data = ImGui::GetDrawData();
    if (draw_data == nullptr || !draw_data->Valid)
    {
        g_Json += "]";
        return g_Json.c_str();
    }
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    std::vector<GlyphKey> glyphs;
    for (ImFont* font : atlas->Fonts)
        for (const ImFontGlyph& glyph : font->Glyphs)
            if (glyph.Visible)
                glyphs.push_back({ glyph.U0, glyph.V0, glyph.U1, glyph.V1, glyph.Codepoint });
    const ImVec2 white = atlas->TexUvWhitePixel;

    std::vector<TextRun> runs;
    for (int n = 0; n < draw_data->CmdListsCount; n++)
    {
        const ImDrawList* list = draw_data->CmdLists[n];
        TextRun* run = nullptr;
        for (const ImDrawCmd& cmd : list->CmdBuffer)
        {
            if (cmd.UserCallback != nullptr)
                continue;
            const ImRect clip(cmd.ClipRect.x, cmd.ClipRect.y, cmd.ClipRect.z, cmd.ClipRect.w);
            run = nullptr;
            const ImDrawIdx* idx = list->IdxBuffer.Data + cmd.IdxOffset;
            for (unsigned i = 0; i + 5 < cmd.ElemCount; i += 3)
            {
                // A glyph is a quad: indices (a, a+1, a+2, a, a+2, a+3), an axis-aligned rectangle
                // textured away from the atlas' white pixel.
                const unsigned a = idx[i];
                if (idx[i + 1] != a + 1 || idx[i + 2] != a + 2 || idx[i + 3] != a || idx[i + 4] != a + 2 || idx[i + 5] != a + 3)
                    continue;
                const ImDrawVert* v = list->VtxBuffer.Data + cmd.VtxOffset + a;
                if (v[0].uv.x == white.x && v[0].uv.y == white.y)
                    continue;
                if (v[0].pos.y != v[1].pos.y || v[1].pos.x != v[2].pos.x || v[2].pos.y != v[3].pos.y || v[3].pos.x != v[0].pos.x)
                    continue;
                i += 3;   // the quad's second triangle
                unsigned codepoint = '?';
                bool trimmed = true;
                for (const GlyphKey& g : glyphs)
                {
                    if (g.U0 == v[0].uv.x && g.V0 == v[0].uv.y)
                    {
                        codepoint = g.Codepoint;
                        trimmed = !(g.U1 == v[2].uv.x && g.V1 == v[2].uv.y);
                        break;
                    }
                }
                const ImRect quad(v[0].pos, v[2].pos);
                // The same text goes on while glyphs move right on the same line in the same colour.
                const bool continues = run != nullptr && run->Color == v[0].col && quad.Min.x >= run->LastX0 &&
                                       quad.Min.x <= run->LastX1 + ImMax(run->Rect.GetHeight(), quad.GetHeight()) * 0.6f &&
                                       quad.Max.y > run->Rect.Min.y && quad.Min.y < run->Rect.Max.y;
                if (!continues)
                {
                    runs.push_back({ std::string(), quad, clip, v[0].col, false, quad.Min.x, quad.Max.x });
                    run = &runs.back();
                }
                else if (quad.Min.x > run->LastX1 + ImMax(run->Rect.GetHeight(), quad.GetHeight()) * 0.25f)
                    run->Text += ' ';
                AppendUtf8(run->Text, codepoint);
                run->Rect.Add(quad);
                run->Trimmed |= trimmed;
                run->LastX0 = quad.Min.x;
                run->LastX1 = quad.Max.x;
            }
        }
    }

    const float s = g_LastScale;
    for (const TextRun& run : runs)
    {
        if (g_Json.size() > 1)
            g_Json += ',';
        g_Json += "{\"text\":";
        ui::AppendJsonString(g_Json, run.Text);
        char buf[160];
        snprintf(buf, sizeof(buf), ",\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,\"h\":%.1f,\"trimmed\":%s,\"clip\":",
                 run.Rect.Min.x * s, run.Rect.Min.y * s, run.Rect.GetWidth() * s, run.Rect.GetHeight() * s, run.Trimmed ? "true" : "false");
        g_Json += buf;
        AppendRect(g_Json, run.Clip, s);
        // Drawn inside a finger-scrolled region: cut off at its top or bottom only while scrolled.
        bool in_scroll = false;
        for (const ScrollRegion& region : g_LastRegions)
            in_scroll |= run.Clip.Min.x >= region.Visible.Min.x - 0.5f && run.Clip.Min.y >= region.Visible.Min.y - 0.5f &&
                         run.Clip.Max.x <= region.Visible.Max.x + 0.5f && run.Clip.Max.y <= region.Visible.Max.y + 0.5f;
        g_Json += in_scroll ? ",\"inScroll\":true}" : ",\"inScroll\":false}";
    }
    g_Json += "]";
    return g_Json.c_str();
}

extern "C" EMSCRIPTEN_KEEPALIVE const char* bc_state_json()
{
    g_Json = ui::AppStateJson();
    return g_Json.c_str();
}
