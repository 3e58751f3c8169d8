// Widgets are collected through IMGUI_ENABLE_TEST_ENGINE's hooks, which Dear ImGui calls for
// every item it adds (ItemAdd, also for items scrolled out of view) and, for the buttons,
// checkboxes and selectables it actually draws, with their label (ItemInfo). widgets() lists the
// drawn ones: the rectangle reported is the part of the item visible inside its window, in CSS
// pixels of the viewport, which is where a finger would land. Items inside a finger-scrolled
// region also carry the region's visible rectangle, so a test can tell an item the user scrolls
// to from one cut off by the screen edge.
//
// The accessible layer gets the drawn items too, with what the screens say about them (the
// Describe* calls), and a few of those scrolled out of view on either side of what is drawn, so
// a screen reader moving past the last visible item reaches the next one (focusing it scrolls it
// in). The few are bounded (OffscreenNodes per window and side), so a history of thousands of
// sessions costs the layer no more than one of a hundred.
//
// texts() lists every line of text the last frame drew, with its rectangle: read back from the
// draw lists (each glyph is a textured quad whose texture coordinates name the glyph), so it sees
// text from every source (ImGui's own widgets and the screens' direct drawing) without the screens
// doing anything. Tests use it to find text drawn over text or cut off.
#include "ui/automation.h"

#include "ui/accessibility.h"
#include "ui/frame_nodes.h"
#include "ui/layout.h"
#include "ui/text_direction.h"

#include "core/json_writer.h"
#include <imgui.h>
#include <imgui_internal.h>
#include <rapidjson/stringbuffer.h>

#include <cmath>
#include <cstring>

#include <cstdio>
#include <string>
#include <vector>

// Nodes kept per window on each side of its visible part: enough for every setting of the
// longest page, few enough that a long history is not described row by row.
constexpr int OffscreenNodes = 64;

struct ScrollRegion
{
    ImGuiID Window;  // the child window
    ImRect Visible;  // its clip rectangle, layout px
};

// Nodes scrolled out above the visible part of their window arrive before the visible ones; the
// last OffscreenNodes of them wait here (oldest overwritten) and join the frame's list, in order,
// when something else arrives. Logically they are the tail of g_Building.
struct AboveRing
{
    ui::FrameNode Nodes[OffscreenNodes];
    int Start = 0;  // index of the oldest
    int Count = 0;
    ImGuiID Window = 0;  // the window they belong to
};

struct BelowCount
{
    ImGuiID Window;
    int Count;  // nodes kept below its visible part this frame
};

static std::vector<ui::FrameNode> g_Building;   // filled during the current frame
static std::vector<ui::FrameNode> g_LastFrame;  // the last complete frame
static AboveRing g_Above;
static std::vector<BelowCount> g_Below;
static std::vector<ScrollRegion> g_BuildingRegions, g_LastRegions;
static float g_LastScale = 1.0f;         // display scale of the last frame (CSS px per layout px)
static std::string g_ChoiceGroup;        // the open choice group ("" when none)
static bool g_LastItemRecorded = false;  // the item just added has a node

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
    g_Above.Count = 0;
    g_Below.clear();
    g_BuildingRegions.clear();
    g_ChoiceGroup.clear();
}

// --- [SECTION] The frame's nodes, bounded off screen

static void FlushAbove()
{
    for (int i = 0; i < g_Above.Count; i++)
        g_Building.push_back(std::move(g_Above.Nodes[(g_Above.Start + i) % OffscreenNodes]));
    g_Above.Start = g_Above.Count = 0;
}

// All nodes of the frame so far, in order: g_Building, then the ring.
static int NodeCount() { return (int)g_Building.size() + g_Above.Count; }
static ui::FrameNode& NodeAt(int i)
{
    const int built = (int)g_Building.size();
    return i < built ? g_Building[(size_t)i] : g_Above.Nodes[(g_Above.Start + i - built) % OffscreenNodes];
}

// Adds a node drawn in `window`; `visible` is false when it lies wholly outside its clip rectangle.
// Returns false when it is left out (too far from what is drawn).
static bool AddNode(ui::FrameNode&& node, ImGuiWindow* window, bool visible)
{
    const ImGuiID id = window != nullptr ? window->ID : 0;
    const bool above = !visible && window != nullptr && node.Rect.Max.y <= window->ClipRect.Min.y;
    if (g_Above.Count > 0 && (!above || id != g_Above.Window))
        FlushAbove();
    if (above)
    {
        g_Above.Window = id;
        if (g_Above.Count == OffscreenNodes)
            g_Above.Start = (g_Above.Start + 1) % OffscreenNodes;  // the farthest goes
        else
            g_Above.Count++;
        g_Above.Nodes[(g_Above.Start + g_Above.Count - 1) % OffscreenNodes] = std::move(node);
        return true;
    }
    if (!visible)
    {
        BelowCount* below = nullptr;
        for (BelowCount& b : g_Below)
            if (b.Window == id)
                below = &b;
        if (below == nullptr)
        {
            g_Below.push_back({ id, 0 });
            below = &g_Below.back();
        }
        if (below->Count >= OffscreenNodes)
            return false;
        below->Count++;
    }
    g_Building.push_back(std::move(node));
    return true;
}

void ui::EndAutomationFrame()
{
    FlushAbove();
    g_LastFrame.swap(g_Building);
    g_LastRegions.swap(g_BuildingRegions);
    g_LastScale = DisplayScale();
    AccessibilityEndFrame(g_LastFrame, g_LastScale);
}

// The node of the item just submitted, if it was recorded (searched from the end: an item is
// described right after it is submitted).
static ui::FrameNode* LastItemNode()
{
    const ImGuiID id = ImGui::GetCurrentContext()->LastItemData.ID;
    if (id == 0 || !g_LastItemRecorded)
        return nullptr;
    for (int i = NodeCount() - 1, seen = 0; i >= 0 && seen < 4; i--)
    {
        ui::FrameNode& node = NodeAt(i);
        if (node.Kind != ui::NodeKind_Item)
            continue;
        seen++;
        if (node.Id == id)
            return &node;
    }
    return nullptr;
}

bool ui::LastItemRecorded() { return LastItemNode() != nullptr; }

// --- [SECTION] Dear ImGui's hooks (declared in imgui_internal.h when IMGUI_ENABLE_TEST_ENGINE is set)

// Every item with an id, visible or scrolled away (ItemAdd calls this before its clipping test).
void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect&, const ImGuiLastItemData* data)
{
    ImGuiContext& g = *ctx;
    g_LastItemRecorded = false;
    if (id == 0 || g.CurrentWindow == nullptr)
        return;
    ui::FrameNode node;
    node.Id = id;
    node.Rect = data->Rect;
    node.Visible = data->Rect;
    node.Visible.ClipWithFull(g.CurrentWindow->ClipRect);
    const bool visible = node.Visible.GetWidth() > 0.0f && node.Visible.GetHeight() > 0.0f;
    if (!visible)
        node.Visible = ImRect();
    node.Enabled = (data->InFlags & ImGuiItemFlags_Disabled) == 0;
    node.Role = ui::ItemRole_None;  // until a label or a description says what it is
    if (const ScrollRegion* region = FindScrollRegion(g_BuildingRegions, g.CurrentWindow))
    {
        node.InScroll = true;
        node.Scroll = region->Visible;
    }
    g_LastItemRecorded = AddNode(std::move(node), g.CurrentWindow, visible);
    ui::AccessibilityItemAdded(id, visible);
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }

// A translated widget's label is "Shown###English" (ui::Label): the key is the English, without
// any "##" suffix; an untranslated label is its own key.
static void SetLabel(ui::FrameNode* node, const char* label, const char* end)
{
    node->Label.assign(label, end);
    const char* key = strstr(label, "###");
    if (key == nullptr)
    {
        node->Key = node->Label;
        return;
    }
    key += 3;
    node->Key.assign(key, ImGui::FindRenderedTextEnd(key));
}

// Items Dear ImGui drew, with their label: these are what widgets() lists.
void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags)
{
    ImGuiContext& g = *ctx;
    if (g.LastItemData.ID != id || label == nullptr || g.CurrentWindow == nullptr)
        return;
    const char* end = ImGui::FindRenderedTextEnd(label);
    if (end == label)
        return;  // hidden label: not something a user can find by its text
    ui::FrameNode* node = LastItemNode();
    if (node == nullptr || node->Visible.GetWidth() <= 0.0f)
        return;
    SetLabel(node, label, end);
    node->Reported = true;
    if (node->Role == ui::ItemRole_None)
        node->Role = ui::ItemRole_Button;
    // Dear ImGui's own checkable items (none today) say so in their status flags.
    if (flags & ImGuiItemStatusFlags_Checkable)
    {
        node->Role = ui::ItemRole_Switch;
        node->Checked = (flags & ImGuiItemStatusFlags_Checked) ? 1 : 0;
    }
}

// --- [SECTION] What things are (automation.h)

void ui::BeginChoiceGroup(const char* name) { g_ChoiceGroup = name; }
void ui::EndChoiceGroup() { g_ChoiceGroup.clear(); }

void ui::DescribeLastItem(const char* label, ItemRole role, int checked, int expanded, const char* description)
{
    FrameNode* node = LastItemNode();
    if (node == nullptr)
        return;
    SetLabel(node, label, ImGui::FindRenderedTextEnd(label));
    node->Role = node->Label.empty() ? ItemRole_None : role;
    if (role == ItemRole_Radio)
    {
        if (g_ChoiceGroup.empty())
            node->Role = ItemRole_Switch;  // a choice on its own is on or off
        else
            node->Group = g_ChoiceGroup;
    }
    node->Checked = checked;
    node->Expanded = expanded;
    if (description != nullptr)
        node->Description = description;
}

void ui::DescribeStepper(const char* name, const char* value_text, int value, int min, int max, const char* description)
{
    // The last two items are − and + (both kept, or the stepper is left out).
    FrameNode* plus = LastItemNode();
    if (plus == nullptr)
        return;
    FrameNode* minus = nullptr;
    for (int i = NodeCount() - 1; i >= 0 && minus == nullptr; i--)
        if (NodeAt(i).Kind == NodeKind_Item && &NodeAt(i) != plus)
            minus = &NodeAt(i);
    if (minus == nullptr)
        return;
    minus->Role = ItemRole_SpinButton;
    minus->SecondId = plus->Id;
    minus->SecondEnabled = plus->Enabled;
    minus->Description = description ? description : "";
    minus->A11yName = name;
    minus->ValueText = value_text;
    minus->Value = value;
    minus->Min = min;
    minus->Max = max;
    minus->SecondRect = plus->Rect;
    minus->SecondVisible = plus->Visible;
    plus->Role = ItemRole_None;  // widgets() still lists both buttons by their labels
}

void ui::DescribeText(NodeKind kind, const char* text, ImVec2 min, ImVec2 max)
{
    if (text == nullptr || text[0] == '\0')
        return;
    ImGuiWindow* window = ImGui::GetCurrentContext()->CurrentWindow;
    FrameNode node;
    node.Kind = kind;
    node.Label = text;
    node.Rect = ImRect(min, max);
    node.Visible = node.Rect;
    if (window != nullptr)
        node.Visible.ClipWithFull(window->ClipRect);
    const bool visible = node.Visible.GetWidth() > 0.0f && node.Visible.GetHeight() > 0.0f;
    if (!visible)
        node.Visible = ImRect();
    node.Role = ItemRole_None;
    AddNode(std::move(node), window, visible);
}

void ui::DescribeLastText(NodeKind kind, const char* text)
{
    DescribeText(kind, text, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

std::string ui::KeyboardFocusName()
{
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    if (g.NavId == 0 || g.NavDisableHighlight)
        return {};
    for (const FrameNode& node : g_LastFrame)
        if (node.Kind == NodeKind_Item && (node.Id == g.NavId || node.SecondId == g.NavId) && node.Role != ItemRole_None)
            return node.A11yName.empty() ? node.Label : node.A11yName;
    return {};
}

// --- [SECTION] widgets() and texts() (platform::PageQueries)

using core::JsonWriter;

// A CSS px measure, to one decimal.
static void Px(JsonWriter& w, const char* key, float value)
{
    w.Key(key);
    w.Double(std::nearbyint((double)value * 10.0) / 10.0);
}

// x, y, w, h of a layout-px rectangle on screen, in CSS px.
static void ScreenRectFields(JsonWriter& w, const ImRect& r, float scale)
{
    Px(w, "x", r.Min.x * scale);
    Px(w, "y", r.Min.y * scale);
    Px(w, "w", r.GetWidth() * scale);
    Px(w, "h", r.GetHeight() * scale);
}

// The same for a rectangle as laid out: where it is on screen (mirrored in Arabic).
static void RectFields(JsonWriter& w, const ImRect& laid_out, float scale)
{
    ScreenRectFields(w, ui::ScreenRect(laid_out), scale);
}

static void Rect(JsonWriter& w, const char* key, const ImRect& r, float scale)
{
    w.Key(key);
    w.StartObject();
    RectFields(w, r, scale);
    w.EndObject();
}

std::string ui::WidgetsJson()
{
    // While the loop is paused the last drawn frame is still the one on screen.
    const float s = g_LastScale;
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartArray();
    for (const ui::FrameNode& node : g_LastFrame)
    {
        if (node.Kind != ui::NodeKind_Item || !node.Reported)
            continue;
        w.StartObject();
        w.Key("label");
        w.String(node.Label.c_str(), (rapidjson::SizeType)node.Label.size());
        w.Key("id");
        w.String(node.Key.c_str(), (rapidjson::SizeType)node.Key.size());
        RectFields(w, node.Visible, s);
        w.Key("enabled");
        w.Bool(node.Enabled);
        Rect(w, "item", node.Rect, s);
        if (node.InScroll)
            Rect(w, "scroll", node.Scroll, s);
        else
        {
            w.Key("scroll");
            w.Null();
        }
        w.EndObject();
    }
    w.EndArray();
    return std::string(buffer.GetString(), buffer.GetSize());
}

// --- texts(): lines of text read back from the last frame's draw lists

struct GlyphKey
{
    float U0, V0, U1, V1;  // the glyph's place in the font atlas
    unsigned Codepoint;
};

struct TextRun
{
    std::string Text;  // UTF-8, without spaces (a blank draws no quad); "?" for a glyph cut by clipping
    ImRect Rect;       // union of its glyphs, layout px
    ImRect Shown;      // the same where they are drawn (ui/text_direction.h: Arabic, mirrored screens)
    ImRect Clip;       // the clip rectangle it was drawn with
    ImU32 Color;
    bool Trimmed;          // a glyph was cut by CPU clipping (a label wider than its button)
    float LastX0, LastX1;  // the last glyph's horizontal extent
};

static void AppendUtf8(std::string& out, unsigned c)
{
    if (c < 0x80)
        out += (char)c;
    else if (c < 0x800)
    {
        out += (char)(0xC0 | (c >> 6));
        out += (char)(0x80 | (c & 0x3F));
    }
    else
    {
        out += (char)(0xE0 | (c >> 12));
        out += (char)(0x80 | ((c >> 6) & 0x3F));
        out += (char)(0x80 | (c & 0x3F));
    }
}

// The character a glyph quad draws, found by its place in the atlas ('?' when none is there), and
// whether the quad shows less than the whole glyph (clipped).
static unsigned GlyphAt(const std::vector<GlyphKey>& glyphs, const ImDrawVert* v, bool* trimmed)
{
    for (const GlyphKey& g : glyphs)
        if (g.U0 == v[0].uv.x && g.V0 == v[0].uv.y)
        {
            *trimmed = !(g.U1 == v[2].uv.x && g.V1 == v[2].uv.y);
            return g.Codepoint;
        }
    *trimmed = true;
    return '?';
}

// The runs of text in the draw data: glyph quads read back into characters, a run going on while
// glyphs move right on the same line in the same colour. placed_x: where each vertex is drawn, when
// that is not where it was laid out (empty: where laid out).
static std::vector<TextRun> CollectTextRuns(ImDrawData* draw_data, const std::vector<float>& placed_x)
{
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    std::vector<GlyphKey> glyphs;
    for (ImFont* font : atlas->Fonts)
        for (const ImFontGlyph& glyph : font->Glyphs)
            if (glyph.Visible)
                glyphs.push_back({ glyph.U0, glyph.V0, glyph.U1, glyph.V1, glyph.Codepoint });
    const ImVec2 white = atlas->TexUvWhitePixel;

    std::vector<TextRun> runs;
    size_t list_base = 0;  // the first vertex of the list in placed_x
    for (int n = 0; n < draw_data->CmdListsCount; n++)
    {
        const ImDrawList* list = draw_data->CmdLists[n];
        const size_t base = list_base;
        list_base += list->VtxBuffer.Size;
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
                i += 3;  // the quad's second triangle
                bool trimmed = true;
                const unsigned codepoint = GlyphAt(glyphs, v, &trimmed);
                const ImRect quad(v[0].pos, v[2].pos);
                ImRect shown = quad;
                if (!placed_x.empty())
                {
                    const size_t at = base + cmd.VtxOffset + a;
                    shown = ImRect(ImMin(placed_x[at], placed_x[at + 1]), quad.Min.y, ImMax(placed_x[at], placed_x[at + 1]), quad.Max.y);
                }
                // The same text goes on while glyphs move right on the same line in the same colour.
                const bool continues = run != nullptr && run->Color == v[0].col && quad.Min.x >= run->LastX0 &&
                                       quad.Min.x <= run->LastX1 + ImMax(run->Rect.GetHeight(), quad.GetHeight()) * 0.6f &&
                                       quad.Max.y > run->Rect.Min.y && quad.Min.y < run->Rect.Max.y;
                if (!continues)
                {
                    runs.push_back({ std::string(), quad, shown, clip, v[0].col, false, quad.Min.x, quad.Max.x });
                    run = &runs.back();
                }
                else if (quad.Min.x > run->LastX1 + ImMax(run->Rect.GetHeight(), quad.GetHeight()) * 0.25f)
                    run->Text += ' ';
                AppendUtf8(run->Text, codepoint);
                run->Rect.Add(quad);
                run->Shown.Add(shown);
                run->Trimmed |= trimmed;
                run->LastX0 = quad.Min.x;
                run->LastX1 = quad.Max.x;
            }
        }
    }
    return runs;
}

std::string ui::TextsJson()
{
    ImDrawData* draw_data = ImGui::GetDrawData();
    if (draw_data == nullptr || !draw_data->Valid)
        return "[]";
    std::vector<float> placed_x;  // where each vertex is drawn, when that is not where it was laid out
    PlacedVertexX(draw_data, &placed_x);
    const std::vector<TextRun> runs = CollectTextRuns(draw_data, placed_x);

    const float s = g_LastScale;
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartArray();
    for (const TextRun& run : runs)
    {
        w.StartObject();
        w.Key("text");
        w.String(run.Text.c_str(), (rapidjson::SizeType)run.Text.size());
        ScreenRectFields(w, placed_x.empty() ? ScreenRect(run.Rect) : run.Shown, s);
        w.Key("trimmed");
        w.Bool(run.Trimmed);
        Rect(w, "clip", run.Clip, s);
        // Drawn inside a finger-scrolled region: cut off at its top or bottom only while scrolled.
        bool in_scroll = false;
        for (const ScrollRegion& region : g_LastRegions)
            in_scroll |= run.Clip.Min.x >= region.Visible.Min.x - 0.5f && run.Clip.Min.y >= region.Visible.Min.y - 0.5f &&
                         run.Clip.Max.x <= region.Visible.Max.x + 0.5f && run.Clip.Max.y <= region.Visible.Max.y + 0.5f;
        w.Key("inScroll");
        w.Bool(in_scroll);
        w.EndObject();
    }
    w.EndArray();
    return std::string(buffer.GetString(), buffer.GetSize());
}
