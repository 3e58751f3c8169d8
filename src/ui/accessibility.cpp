// The accessible layer: Dear ImGui draws everything into one canvas, which a screen reader cannot
// enter. After each frame the items and texts it drew (ui/frame_nodes.h) are written out as a small
// description; when that differs from the last one sent, web/a11y.js brings a tree of real,
// transparent HTML elements up to date: buttons, switches, radio groups, spin buttons, headings and
// the session's status, each placed over what it stands for, so touch exploration finds it where it
// is drawn. Nothing runs while no frame is drawn, and a frame that changes nothing the layer shows
// (an animation, a hover) costs one string comparison.
//
// Focus and presses come back through Dear ImGui's own keyboard navigation: the page asks for an
// item (bc_a11y_focus, bc_a11y_press) and, when the item is next submitted, it gets keyboard focus
// (FocusItem, which also scrolls it into view) or is activated (ActivateItemByID), exactly as with
// Tab and Space. Keyboard focus that Dear ImGui moves by itself (Tab, arrows) is sent to the page.
#include "ui/frame_nodes.h"

#include "ui/app.h"

#include <emscripten.h>

#include <cstdio>

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
} g_A11y;

// clang-format off
EM_JS(void, js_a11y_update, (const char* json), {
    if (window.bandCircuitA11y) window.bandCircuitA11y.update(UTF8ToString(json));
});
EM_JS(void, js_a11y_focus, (unsigned id), {
    if (window.bandCircuitA11y) window.bandCircuitA11y.focus(id >>> 0);
});
// clang-format on

extern "C" {
EMSCRIPTEN_KEEPALIVE void bc_a11y_focus(unsigned id)
{
    g_A11y.PendingFocus = id;
    g_A11y.PendingFrames = 0;
}
EMSCRIPTEN_KEEPALIVE void bc_a11y_press(unsigned id)
{
    g_A11y.PendingPress = id;
    g_A11y.PressScrolled = false;
    g_A11y.PendingFrames = 0;
}
// What the layer has cost so far (tests/bench/bench.mjs): milliseconds after frames, and updates.
EMSCRIPTEN_KEEPALIVE double bc_a11y_cost_ms() { return g_A11y.CostMs; }
EMSCRIPTEN_KEEPALIVE int bc_a11y_updates() { return g_A11y.Updates; }
}

void ui::AccessibilityItemAdded(ImGuiID id, bool visible)
{
    if (g_A11y.PendingFocus == 0 && g_A11y.PendingPress == 0 && g_A11y.FramesOwed == 0)
        return;
    RequestFrame();  // draw again until the request is done
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

static void AppendNumberField(std::string& out, const char* key, double value)
{
    char text[48];
    if (value == (double)(long long)value)
        snprintf(text, sizeof(text), ",\"%s\":%lld", key, (long long)value);
    else
        snprintf(text, sizeof(text), ",\"%s\":%.1f", key, value);
    out += text;
}

static void AppendStringField(std::string& out, const char* key, const std::string& value)
{
    if (value.empty())
        return;
    out += ",\"";
    out += key;
    out += "\":";
    ui::AppendJsonString(out, value);
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

static void Describe(std::string& out, const std::vector<ui::FrameNode>& nodes)
{
    const float viewport_h = ImGui::GetMainViewport()->Size.y;  // layout px
    const float scale = ui::LastFrameScale();                   // to CSS px
    out = "[";
    for (const ui::FrameNode& node : nodes)
    {
        const bool item = node.Kind == ui::NodeKind_Item;
        if (item && (node.Role == ui::ItemRole_None || node.Label.empty()))
            continue;
        if (out.size() > 1)
            out += ',';
        out += "{\"k\":\"";
        out += item ? RoleKey(node.Role) : KindKey(node.Kind);
        out += '"';
        const ImRect r = Placement(node, viewport_h);
        AppendNumberField(out, "x", (double)(int)(r.Min.x * scale * 10.0f) / 10.0);
        AppendNumberField(out, "y", (double)(int)(r.Min.y * scale * 10.0f) / 10.0);
        AppendNumberField(out, "w", (double)(int)(r.GetWidth() * scale * 10.0f) / 10.0);
        AppendNumberField(out, "h", (double)(int)(r.GetHeight() * scale * 10.0f) / 10.0);
        AppendStringField(out, "n", node.A11yName.empty() ? node.Label : node.A11yName);
        if (!item)
        {
            out += '}';
            continue;
        }
        AppendNumberField(out, "id", (double)node.Id);
        if (!node.Enabled)
            out += ",\"off\":1";
        AppendStringField(out, "d", node.Description);
        if (node.Checked >= 0)
            AppendNumberField(out, "on", node.Checked);
        if (node.Expanded >= 0)
            AppendNumberField(out, "open", node.Expanded);
        AppendStringField(out, "g", node.Group);
        if (node.Role == ui::ItemRole_SpinButton)
        {
            AppendNumberField(out, "up", (double)node.SecondId);
            if (!node.SecondEnabled)
                out += ",\"upOff\":1";
            AppendStringField(out, "v", node.ValueText);
            AppendNumberField(out, "now", node.Value);
            AppendNumberField(out, "min", node.Min);
            AppendNumberField(out, "max", node.Max);
        }
        out += '}';
    }
    out += ']';
}

void ui::AccessibilityEndFrame()
{
    const double start = emscripten_get_now();
    if (g_A11y.PendingFocus != 0 || g_A11y.PendingPress != 0)
    {
        if (++g_A11y.PendingFrames > MaxPendingFrames)
            g_A11y.PendingFocus = g_A11y.PendingPress = 0;
    }
    if (g_A11y.FramesOwed > 0)
        g_A11y.FramesOwed--;

    Describe(g_A11y.Building, LastFrameNodes());
    if (g_A11y.Building != g_A11y.Sent)
    {
        g_A11y.Sent.swap(g_A11y.Building);
        js_a11y_update(g_A11y.Sent.c_str());
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
            js_a11y_focus(focus);
    }
    g_A11y.CostMs += emscripten_get_now() - start;
}
