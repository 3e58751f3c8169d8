// Widgets are collected through IMGUI_ENABLE_TEST_ENGINE's hooks, which Dear ImGui calls for
// every item it adds (ItemAdd, also for items scrolled out of view) and, for the buttons,
// checkboxes and selectables it actually draws, with their label (ItemInfo). widgets() lists the
// drawn ones: the rectangle reported is the part of the item visible inside its window, in CSS
// pixels of the viewport, which is where a finger would land. The accessible layer gets them all,
// with what the screens say about them (the Describe* calls), so a screen reader also reaches a
// setting scrolled below the fold.
#include "ui/automation.h"
#include "ui/app.h"
#include "ui/frame_nodes.h"

#include <emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cstdio>
#include <string>
#include <vector>

static std::vector<ui::FrameNode> g_Building;   // filled during the current frame
static std::vector<ui::FrameNode> g_LastFrame;  // the last complete frame
static std::string g_Json;
static std::string g_ChoiceGroup;               // the open choice group ("" when none)

void ui::InstallAutomationHooks()
{
    ImGui::GetCurrentContext()->TestEngineHookItems = true;
}

void ui::BeginAutomationFrame()
{
    g_Building.clear();
    g_ChoiceGroup.clear();
}

void ui::EndAutomationFrame()
{
    g_LastFrame.swap(g_Building);
    AccessibilityEndFrame();
}

const std::vector<ui::FrameNode>& ui::LastFrameNodes() { return g_LastFrame; }

// The node of the item just submitted, if it was recorded (searched from the end: an item is
// described right after it is submitted).
static ui::FrameNode* LastItemNode()
{
    const ImGuiID id = ImGui::GetCurrentContext()->LastItemData.ID;
    if (id == 0)
        return nullptr;
    for (int i = (int)g_Building.size() - 1, seen = 0; i >= 0 && seen < 4; i--)
    {
        if (g_Building[(size_t)i].Kind != ui::NodeKind_Item)
            continue;
        seen++;
        if (g_Building[(size_t)i].Id == id)
            return &g_Building[(size_t)i];
    }
    return nullptr;
}

// --- Dear ImGui's hooks (declared in imgui_internal.h when IMGUI_ENABLE_TEST_ENGINE is set)

// Every item with an id, visible or scrolled away (ItemAdd calls this before its clipping test).
void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect&, const ImGuiLastItemData* data)
{
    ImGuiContext& g = *ctx;
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
    node.Role = ui::ItemRole_None;   // until a label or a description says what it is
    g_Building.push_back(node);
    ui::AccessibilityItemAdded(id, visible);
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }

// Items Dear ImGui drew, with their label: these are what widgets() lists.
void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags)
{
    ImGuiContext& g = *ctx;
    if (g.LastItemData.ID != id || label == nullptr || g.CurrentWindow == nullptr)
        return;
    const char* end = ImGui::FindRenderedTextEnd(label);
    if (end == label)
        return;   // hidden label: not something a user can find by its text
    ui::FrameNode* node = LastItemNode();
    if (node == nullptr || node->Visible.GetWidth() <= 0.0f)
        return;
    node->Label.assign(label, end);
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

// --- What things are (automation.h)

void ui::BeginChoiceGroup(const char* name) { g_ChoiceGroup = name; }
void ui::EndChoiceGroup() { g_ChoiceGroup.clear(); }

void ui::DescribeLastItem(const char* label, ItemRole role, int checked, int expanded, const char* description)
{
    FrameNode* node = LastItemNode();
    if (node == nullptr)
        return;
    const char* end = ImGui::FindRenderedTextEnd(label);
    node->Label.assign(label, end);
    node->Role = node->Label.empty() ? ItemRole_None : role;
    if (role == ItemRole_Radio)
    {
        if (g_ChoiceGroup.empty())
            node->Role = ItemRole_Switch;   // a choice on its own is on or off
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
    // The last two items are − and +.
    int found = 0;
    FrameNode* parts[2] = { nullptr, nullptr };
    for (int i = (int)g_Building.size() - 1; i >= 0 && found < 2; i--)
        if (g_Building[(size_t)i].Kind == NodeKind_Item)
            parts[1 - found++] = &g_Building[(size_t)i];
    if (found < 2)
        return;
    FrameNode& minus = *parts[0];
    FrameNode& plus = *parts[1];
    minus.Role = ItemRole_SpinButton;
    minus.SecondId = plus.Id;
    minus.SecondEnabled = plus.Enabled;
    minus.Description = description ? description : "";
    minus.A11yName = name;
    minus.ValueText = value_text;
    minus.Value = value;
    minus.Min = min;
    minus.Max = max;
    minus.Rect.Add(plus.Rect);
    plus.Role = ItemRole_None;   // widgets() still lists both buttons by their labels
}

void ui::DescribeText(NodeKind kind, const char* text, ImVec2 min, ImVec2 max)
{
    if (text == nullptr || text[0] == '\0')
        return;
    FrameNode node;
    node.Kind = kind;
    node.Label = text;
    node.Rect = ImRect(min, max);
    node.Visible = node.Rect;
    if (ImGuiWindow* window = ImGui::GetCurrentContext()->CurrentWindow)
        node.Visible.ClipWithFull(window->ClipRect);
    if (node.Visible.GetWidth() <= 0.0f || node.Visible.GetHeight() <= 0.0f)
        node.Visible = ImRect();
    node.Role = ItemRole_None;
    g_Building.push_back(node);
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

extern "C" EMSCRIPTEN_KEEPALIVE const char* bc_widgets_json()
{
    // While the loop is paused the last drawn frame is still the one on screen.
    g_Json = "[";
    char buf[160];
    for (const ui::FrameNode& w : g_LastFrame)
    {
        if (w.Kind != ui::NodeKind_Item || !w.Reported)
            continue;
        if (g_Json.size() > 1)
            g_Json += ',';
        g_Json += "{\"label\":";
        ui::AppendJsonString(g_Json, w.Label);
        snprintf(buf, sizeof(buf), ",\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,\"h\":%.1f,\"enabled\":%s}",
                 w.Visible.Min.x, w.Visible.Min.y, w.Visible.GetWidth(), w.Visible.GetHeight(), w.Enabled ? "true" : "false");
        g_Json += buf;
    }
    g_Json += "]";
    return g_Json.c_str();
}

extern "C" EMSCRIPTEN_KEEPALIVE const char* bc_state_json()
{
    g_Json = ui::AppStateJson();
    return g_Json.c_str();
}
