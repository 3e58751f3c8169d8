// The UI shell: start-up (the app's start-up, then the theme), one frame (the app's update, the
// current screen, the flash cue), and what the drawing adds to the automation interface's state.
#include "ui/shell.h"

#include "app/app.h"
#include "app/automation_state.h"
#include "app/language.h"
#include "platform/platform.h"
#include "ui/accessibility.h"
#include "ui/automation.h"
#include "ui/fonts.h"
#include "ui/layout.h"
#include "ui/screens.h"
#include "ui/taps.h"
#include "ui/theme.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

// The one AppState: the screens get it by reference; the page events reach it through
// app::InstallPageEvents, the page's questions through platform::SetPageQueries.
static app::AppState g_App;

static void ApplyThemeSetting(bool force)
{
    const core::Theme theme = g_App.Settings.ColorTheme;
    const bool dark = theme == core::Theme::Dark || (theme == core::Theme::System && g_App.Env.SystemDark);
    if (force || dark != ui::IsDarkTheme() || g_App.Env.MoreContrast != ui::IsHighContrast())
        ui::ApplyTheme(dark, g_App.Env.MoreContrast);
}

void ui::ShellInit(const platform::Clock& clock)
{
    app::Init(g_App, clock);
    app::InstallPageEvents(g_App);
    platform::PageQueries queries = {};
    queries.State = AppStateJson;
    queries.Widgets = WidgetsJson;
    queries.Texts = TextsJson;
    queries.FocusItem = AccessibilityFocus;
    queries.PressItem = AccessibilityPress;
    queries.LayerCostMs = AccessibilityCostMs;
    queries.LayerUpdates = AccessibilityUpdates;
    platform::SetPageQueries(queries);
    ApplyThemeSetting(true);
}

bool ui::LanguagePending()
{
    return app::LanguagePending(g_App);
}

ui::FrameRequest ui::ShellFrame(const platform::Clock& clock)
{
    const double now_ms = clock.NowMs;
    const app::Screen screen_at_start = g_App.Screens.Current;
    app::BeginFrame(g_App, clock);
    ApplyThemeSetting(false);

    // A new screen starts with nothing focused (the old screen's focused item is gone).
    static app::Screen s_DrawnScreen = g_App.Screens.Current;
    if (s_DrawnScreen != g_App.Screens.Current)
        ImGui::SetWindowFocus(nullptr);
    s_DrawnScreen = g_App.Screens.Current;

    switch (g_App.Screens.Current)
    {
    case app::Screen_Home: DrawHomeScreen(g_App); break;
    case app::Screen_Session: DrawSessionScreen(g_App); break;
    case app::Screen_Finish: DrawFinishScreen(g_App); break;
    case app::Screen_Exercise: DrawExerciseScreen(g_App); break;
    case app::Screen_History: DrawHistoryScreen(g_App); break;
    case app::Screen_Settings: DrawSettingsScreen(g_App); break;
    case app::Screen_About: DrawAboutScreen(g_App); break;
    case app::Screen_COUNT: break;
    }
    if (s_DrawnScreen != g_App.Screens.Current)
        ImGui::SetWindowFocus(nullptr);  // navigated during this frame
    s_DrawnScreen = g_App.Screens.Current;

    // The flash cue: the whole screen lights up and fades.
    if (now_ms < g_App.Screens.FlashUntilMs)
    {
        const float t = (float)((g_App.Screens.FlashUntilMs - now_ms) / 280.0);
        ImU32 color = Colors().Accent;
        color = (color & ~IM_COL32_A_MASK) | ((ImU32)(ImClamp(t, 0.0f, 1.0f) * 200.0f) << IM_COL32_A_SHIFT);
        const ImGuiViewport* viewport = ImGui::GetMainViewport();
        ImGui::GetForegroundDrawList()->AddRectFilled(viewport->Pos, ImVec2(viewport->Pos.x + viewport->Size.x, viewport->Pos.y + viewport->Size.y), color);
        g_App.Frame.Animating = true;
    }

    NoteView(app::ViewKey(g_App), now_ms);  // the tap guard starts when the controls under a finger change

    if (TakeAccessibilityFrameRequest())
        g_App.Frame.Animating = true;  // the page asked to focus or press an item: until it is done

    // Behind the page, and in the safe-area margins around it: the page's own colour.
    const bool in_session = g_App.Screens.Current == app::Screen_Session && g_App.HasSession;
    const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(in_session ? SessionFill(g_App) : Colors().Background);
    return { g_App.Frame.Animating, g_App.Frame.WakeAtMs, { bg.x, bg.y, bg.z }, g_App.Screens.Current != screen_at_start };
}

// --- [SECTION] Automation interface

float ui::TextScale() { return app::TextScale(g_App); }
void ui::PreferencesChanged() { g_App.Env.PreferencesReadMs = -1.0e9; }

std::string ui::AppStateJson(const platform::Clock& clock)
{
    app::DrawnFacts drawn;
    drawn.DarkTheme = IsDarkTheme();
    drawn.HighContrast = IsHighContrast();
    drawn.Focused = KeyboardFocusName();
    drawn.MissingGlyphs = MissingGlyphs();
    drawn.Shape = ShapeKey(CurrentShape());
    drawn.Scale = DisplayScale();
    const ImVec2 size = ImGui::GetMainViewport()->Size;
    drawn.WidthCss = size.x * drawn.Scale;
    drawn.HeightCss = size.y * drawn.Scale;
    const ImVec4 insets = SafeAreaInsetsCss();
    const float safe_area[4] = { insets.x, insets.y, insets.z, insets.w };
    std::copy(safe_area, safe_area + 4, drawn.SafeArea);
    drawn.TapGuardMs = TapGuardRemainingMs(clock.NowMs);
    return app::AutomationStateJson(g_App, clock, drawn);
}
