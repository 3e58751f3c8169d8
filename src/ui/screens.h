// One function per screen, each drawing a full page for this frame and acting on its buttons.
#pragma once

#include "ui/app_state.h"

#include <imgui.h>

namespace ui {

void DrawHomeScreen(AppState& app);
void DrawSessionScreen(AppState& app);
void DrawFinishScreen(AppState& app);
void DrawExerciseScreen(AppState& app);
void DrawHistoryScreen(AppState& app);
void DrawSettingsScreen(AppState& app);
void DrawAboutScreen(AppState& app);

void OpenExercise(AppState& app, bc::ExerciseId exercise);   // the exercise page, at its best camera
double ExerciseDemoMs(const AppState& app, double now_ms);   // exercise page: ms into the demonstration
ImU32  SessionFill(const AppState& app);   // session screen: its phase's colour, edge to edge (safe-area margins too)

}  // namespace ui
