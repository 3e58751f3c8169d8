// One function per screen, each drawing a full page for this frame and turning its buttons and
// keys into app actions (src/app).
#pragma once

#include "app/app_state.h"

#include <imgui.h>

namespace ui {

// The screens speak the app's vocabulary (AppState, Screen_Home, StartSession(), ...) unqualified.
using namespace ::app;

void DrawHomeScreen(AppState& app);
void DrawSessionScreen(AppState& app);
void DrawFinishScreen(AppState& app);
void DrawExerciseScreen(AppState& app);
void DrawHistoryScreen(AppState& app);
void DrawSettingsScreen(AppState& app);
void DrawAboutScreen(AppState& app);

void OpenExercise(AppState& app, bc::ExerciseId exercise);  // the exercise page, at its best camera
ImU32 SessionFill(const app::AppState& app);                // session screen: its phase's colour, edge to edge (safe-area margins too)

}  // namespace ui
