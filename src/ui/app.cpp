// Screens and navigation.
#include "ui/app.h"
#include "ui/fonts.h"

#include <imgui.h>

#include <cmath>

enum Screen { Screen_Home, Screen_About };
static const char* ScreenKey(Screen screen) { return screen == Screen_Home ? "home" : "about"; }

static struct
{
    Screen Current = Screen_Home;
} g_App;

void ui::AppInit(double)
{
    ImGuiStyle& style = ImGui::GetStyle();
    ImGui::StyleColorsLight(&style);
    style.FramePadding = ImVec2(16, 12);
    style.ItemSpacing = ImVec2(12, 12);
    style.FrameRounding = 10;
}

ui::FrameRequest ui::AppFrame(double)
{
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGui::Begin("Band Circuit", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    ImGui::PushFont(ui::GetFont(FontRole_Heading));
    ImGui::TextUnformatted("Band Circuit");
    ImGui::PopFont();
    if (g_App.Current == Screen_Home)
    {
        ImGui::TextWrapped("Five resistance-band exercises for after your run.");
        if (ImGui::Button("About", ImVec2(-1, 56)))
            g_App.Current = Screen_About;
    }
    else
    {
        ImGui::TextWrapped("About this circuit.");
        if (ImGui::Button("Back", ImVec2(-1, 56)))
            g_App.Current = Screen_Home;
    }
    ImGui::End();
    return { false, INFINITY, { 0.96f, 0.96f, 0.95f } };
}

std::string ui::AppStateJson()
{
    return std::string("{\"screen\":\"") + ScreenKey(g_App.Current) + "\"}";
}
