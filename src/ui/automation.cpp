// Widgets are collected through IMGUI_ENABLE_TEST_ENGINE's hooks, which Dear ImGui calls for
// every button, checkbox, slider and selectable it submits (clipped-out items are never
// submitted, so the list holds what is on screen). The rectangle reported is the part of the item
// visible inside its window, in CSS pixels of the viewport, which is where a finger would land.
#include "ui/automation.h"
#include "ui/app.h"

#include <emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cstdio>
#include <string>
#include <vector>

struct RecordedWidget
{
    std::string Label;   // visible text, without any "##id" suffix
    ImRect      Rect;    // visible part, CSS px
    bool        Enabled; // false when drawn disabled
};

static std::vector<RecordedWidget> g_Building;   // filled during the current frame
static std::vector<RecordedWidget> g_LastFrame;  // the last complete frame
static std::string g_Json;

void ui::InstallAutomationHooks()
{
    ImGui::GetCurrentContext()->TestEngineHookItems = true;
}

void ui::BeginAutomationFrame()
{
    g_Building.clear();
}

void ui::EndAutomationFrame()
{
    g_LastFrame.swap(g_Building);
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
    g_Building.push_back({ std::string(label, end), visible, enabled });
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
    const std::vector<RecordedWidget>& widgets = g_LastFrame;
    g_Json = "[";
    char buf[160];
    for (const RecordedWidget& w : widgets)
    {
        if (g_Json.size() > 1)
            g_Json += ',';
        g_Json += "{\"label\":";
        ui::AppendJsonString(g_Json, w.Label);
        snprintf(buf, sizeof(buf), ",\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,\"h\":%.1f,\"enabled\":%s}",
                 w.Rect.Min.x, w.Rect.Min.y, w.Rect.GetWidth(), w.Rect.GetHeight(), w.Enabled ? "true" : "false");
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
