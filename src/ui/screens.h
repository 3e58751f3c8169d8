// One function per screen, each drawing a full page for this frame and turning its buttons and
// keys into app actions (src/app).
#pragma once

#include "app/app_state.h"

#include <imgui.h>

namespace ui {

void DrawHomeScreen(app::AppState& app);
void DrawSessionScreen(app::AppState& app);
void DrawFinishScreen(app::AppState& app);
void DrawExerciseScreen(app::AppState& app);
void DrawHistoryScreen(app::AppState& app);
void DrawSettingsScreen(app::AppState& app);
void DrawAboutScreen(app::AppState& app);

void OpenExercise(app::AppState& app, core::ExerciseId exercise);  // the exercise page, at its best camera
ImU32 SessionFill(const app::AppState& app);                       // session screen: its phase's colour, edge to edge (safe-area margins too)

}  // namespace ui
