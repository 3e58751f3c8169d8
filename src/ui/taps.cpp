#include "ui/taps.h"

#include "app/tap_guard.h"

#include <imgui.h>
#include <imgui_internal.h>

static struct
{
    app::TapGuard Guard;
    ImVec2 Pointer = ImVec2(-FLT_MAX, -FLT_MAX);  // where the queued input last put the pointer
    bool Swallowing = false;                      // the press in progress was refused: so is its release
} g_Taps;

void ui::FilterTapsFrom(int first, double now_ms)
{
    ImGuiContext& g = *ImGui::GetCurrentContext();
    for (int i = first; i < g.InputEventsQueue.Size;)
    {
        const ImGuiInputEvent& e = g.InputEventsQueue[i];
        if (e.Type == ImGuiInputEventType_MousePos)
            g_Taps.Pointer = ImVec2(e.MousePos.PosX, e.MousePos.PosY);
        bool drop = false;
        if (e.Type == ImGuiInputEventType_MouseButton && e.MouseButton.Button == ImGuiMouseButton_Left)
        {
            if (e.MouseButton.Down)
            {
                drop = !g_Taps.Guard.Press(now_ms, g_Taps.Pointer.x, g_Taps.Pointer.y);
                g_Taps.Swallowing = drop;
            }
            else
            {
                g_Taps.Guard.Release(now_ms);
                drop = g_Taps.Swallowing;  // Dear ImGui never saw this press go down
                g_Taps.Swallowing = false;
            }
        }
        if (drop)
            g.InputEventsQueue.erase(g.InputEventsQueue.Data + i);
        else
            i++;
    }
}

void ui::NoteView(uint64_t view_key, double now_ms)
{
    // The control the finger is on has gone (or another now stands there): the release must not press it.
    if (g_Taps.Guard.NoteView(view_key, now_ms))
        ImGui::ClearActiveID();
}

double ui::TapGuardRemainingMs(double now_ms) { return g_Taps.Guard.RemainingMs(now_ms); }
