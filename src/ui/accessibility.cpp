// The accessible layer: Dear ImGui draws everything into one canvas, which a screen reader cannot
// enter. After each frame the items and texts it drew (ui/frame_nodes.h) are written out as a small
// description; when that differs from the last one sent, web/a11y.js brings a tree of real,
// transparent HTML elements up to date: buttons, switches, radio groups, spin buttons, headings and
// the session's status, each placed over what it stands for, so touch exploration finds it where it
// is drawn. Nothing runs while no frame is drawn, and a frame that changes nothing the layer shows
// (an animation, a hover) costs one string comparison.
//
// Focus and presses come back through Dear ImGui's own keyboard navigation: the page asks for an
// item (platform::PageQueries: FocusItem, PressItem) and, when the item is next submitted, it gets keyboard focus
// (FocusItem, which also scrolls it into view) or is activated (ActivateItemByID), exactly as with
// Tab and Space. Keyboard focus that Dear ImGui moves by itself (Tab, arrows) is sent to the page.
#include "ui/accessibility.h"
#include "ui/frame_nodes.h"
#include "ui/text_direction.h"

#include "platform/platform.h"

#include "core/json_writer.h"
#include <rapidjson/stringbuffer.h>

constexpr int MaxPendingFrames = 12;  // a request for an item that never shows up again is dropped

static struct
{
    ImGuiID PendingFocus = 0;    // the page focused this item's element
    ImGuiID PendingPress = 0;    // the page pressed this item's element
    bool PressScrolled = false;  // the pressed item was scrolled into view first
    int PendingFrames = 0;       // frames the requests have waited
    int FramesOwed = 0;          // frames to draw after a press, so Dear ImGui settles
    ImGuiID SentFocus = 0;       // the keyboard focus last sent to the page
    std::string Sent;            // the description last sent to the page
    std::string Building;        // this frame's description
    double CostMs = 0.0;         // time spent in AccessibilityEndFrame since start (the bench reads it)
    int Updates = 0;             // descriptions sent to the page since start
    bool WantsFrame = false;     // a request was under way during this frame: draw the next one too
} g_A11y;

void ui::AccessibilityFocus(unsigned item)
{
    g_A11y.PendingFocus = item;
    g_A11y.PendingFrames = 0;
}

void ui::AccessibilityPress(unsigned item)
{
    g_A11y.PendingPress = item;
    g_A11y.PressScrolled = false;
    g_A11y.PendingFrames = 0;
}

// What the layer has cost so far (tests/bench/bench.mjs): milliseconds after frames, and updates.
double ui::AccessibilityCostMs() { return g_A11y.CostMs; }
int ui::AccessibilityUpdates() { return g_A11y.Updates; }

bool ui::TakeAccessibilityFrameRequest()
{
    const bool wants = g_A11y.WantsFrame;
    g_A11y.WantsFrame = false;
    return wants;
}

void ui::AccessibilityItemAdded(ImGuiID id, bool visible)
{
    if (g_A11y.PendingFocus == 0 && g_A11y.PendingPress == 0 && g_A11y.FramesOwed == 0)
        return;
    g_A11y.WantsFrame = true;  // draw again until the request is done
    ImGuiContext& g = *ImGui::GetCurrentContext();
    if (id == g_A11y.PendingFocus)
    {
        g_A11y.PendingFocus = 0;
        if (g.NavId != id)
            ImGui::FocusItem();
        g.NavDisableHighlight = false;  // show it on the canvas too
        g.NavDisableMouseHover = true;
    }
    if (id == g_A11y.PendingPress)
    {
        if (visible)
        {
            ImGui::ActivateItemByID(id);  // pressed when submitted in the next frame
            g_A11y.PendingPress = 0;
            g_A11y.FramesOwed = 3;
        }
        else if (!g_A11y.PressScrolled)
        {
            ImGui::FocusItem();  // scrolled away: bring it into view first
            g_A11y.PressScrolled = true;
        }
    }
}

// --- [SECTION] The description sent to web/a11y.js

using core::JsonWriter;

// A whole number as one, anything else with its one decimal.
static void NumberField(JsonWriter& w, const char* key, double value)
{
    w.Key(key);
    if (value == (double)(long long)value)
        w.Int64((long long)value);
    else
        w.Double(value);
}

static void StringField(JsonWriter& w, const char* key, const std::string& value)
{
    if (value.empty())
        return;
    w.Key(key);
    w.String(value.c_str(), (rapidjson::SizeType)value.size());
}

static void FlagField(JsonWriter& w, const char* key)
{
    w.Key(key);
    w.Int(1);
}

static const char* KindKey(ui::NodeKind kind)
{
    switch (kind)
    {
    case ui::NodeKind_Heading: return "h1";
    case ui::NodeKind_Subheading: return "h2";
    case ui::NodeKind_Text: return "text";
    case ui::NodeKind_Status: return "status";
    default: return "item";
    }
}

static const char* RoleKey(ui::ItemRole role)
{
    switch (role)
    {
    case ui::ItemRole_Radio: return "radio";
    case ui::ItemRole_Switch: return "switch";
    case ui::ItemRole_SpinButton: return "spinbutton";
    default: return "button";
    }
}

// Where the element goes: over the visible part; an item scrolled out of view goes just outside
// the viewport (above or below), so touch exploration never finds it under something else while
// the screen reader's list still reaches it (focusing it scrolls it into view).
// A spin button covers its − and its + (and the gap between).
static ImRect Placement(const ui::FrameNode& node, float viewport_h)
{
    ImRect visible = node.Visible;
    ImRect r = node.Rect;
    if (node.Role == ui::ItemRole_SpinButton)
    {
        r.Add(node.SecondRect);
        if (node.SecondVisible.GetWidth() > 0.0f)
            visible = visible.GetWidth() > 0.0f ? ImRect(ImMin(visible.Min, node.SecondVisible.Min), ImMax(visible.Max, node.SecondVisible.Max))
                                                : node.SecondVisible;
    }
    if (visible.GetWidth() > 0.0f && visible.GetHeight() > 0.0f)
        return visible;
    const float h = r.GetHeight();
    const float y = r.GetCenter().y < viewport_h * 0.5f ? -h - 4.0f : viewport_h + 4.0f;
    return ImRect(ImVec2(r.Min.x, y), ImVec2(r.Max.x, y + h));
}

static void Describe(std::string& out, const std::vector<ui::FrameNode>& nodes, float scale)
{
    const float viewport_h = ImGui::GetMainViewport()->Size.y;  // layout px
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartArray();
    for (const ui::FrameNode& node : nodes)
    {
        const bool item = node.Kind == ui::NodeKind_Item;
        if (item && (node.Role == ui::ItemRole_None || node.Label.empty()))
            continue;
        w.StartObject();
        w.Key("k");
        w.String(item ? RoleKey(node.Role) : KindKey(node.Kind));
        const ImRect r = ui::ScreenRect(Placement(node, viewport_h));  // mirrored on an Arabic screen
        NumberField(w, "x", (double)(int)(r.Min.x * scale * 10.0f) / 10.0);
        NumberField(w, "y", (double)(int)(r.Min.y * scale * 10.0f) / 10.0);
        NumberField(w, "w", (double)(int)(r.GetWidth() * scale * 10.0f) / 10.0);
        NumberField(w, "h", (double)(int)(r.GetHeight() * scale * 10.0f) / 10.0);
        StringField(w, "n", node.A11yName.empty() ? node.Label : node.A11yName);
        if (!item)
        {
            w.EndObject();
            continue;
        }
        NumberField(w, "id", (double)node.Id);
        if (!node.Enabled)
            FlagField(w, "off");
        StringField(w, "d", node.Description);
        if (node.Checked >= 0)
            NumberField(w, "on", node.Checked);
        if (node.Expanded >= 0)
            NumberField(w, "open", node.Expanded);
        StringField(w, "g", node.Group);
        if (node.Role == ui::ItemRole_SpinButton)
        {
            NumberField(w, "up", (double)node.SecondId);
            if (!node.SecondEnabled)
                FlagField(w, "upOff");
            StringField(w, "v", node.ValueText);
            NumberField(w, "now", node.Value);
            NumberField(w, "min", node.Min);
            NumberField(w, "max", node.Max);
        }
        w.EndObject();
    }
    w.EndArray();
    out.assign(buffer.GetString(), buffer.GetSize());
}

void ui::AccessibilityEndFrame(const std::vector<FrameNode>& nodes, float scale)
{
    const double start = platform::NowMs();
    if (g_A11y.PendingFocus != 0 || g_A11y.PendingPress != 0)
    {
        if (++g_A11y.PendingFrames > MaxPendingFrames)
            g_A11y.PendingFocus = g_A11y.PendingPress = 0;
    }
    if (g_A11y.FramesOwed > 0)
        g_A11y.FramesOwed--;

    Describe(g_A11y.Building, nodes, scale);
    if (g_A11y.Building != g_A11y.Sent)
    {
        g_A11y.Sent.swap(g_A11y.Building);
        platform::AccessibleLayerUpdate(g_A11y.Sent.c_str());
        g_A11y.Updates++;
    }

    // Keyboard focus moved inside Dear ImGui (Tab, arrows, a press): the page follows. A mouse or
    // touch press moves it too but shows no highlight: the page's focus stays where it was.
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    const ImGuiID focus = g.NavDisableHighlight ? 0 : g.NavId;
    if (focus != g_A11y.SentFocus)
    {
        g_A11y.SentFocus = focus;
        if (focus != 0)
            platform::AccessibleLayerFocus(focus);
    }
    g_A11y.CostMs += platform::NowMs() - start;
}
