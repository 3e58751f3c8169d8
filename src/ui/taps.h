// The tap guard (app/tap_guard.h) applied to Dear ImGui's input: presses the guard refuses are
// taken out of the input queue before Dear ImGui sees them, and a press held across a change of
// screen lets go of the control it was on.
#pragma once

#include <cstdint>

namespace ui {

void FilterTapsFrom(int first, double now_ms);    // main.cpp: input queued from this index, once scaled to layout px
void NoteView(uint64_t view_key, double now_ms);  // once per frame, after the screen is drawn
double TapGuardRemainingMs(double now_ms);        // for the automation interface

}  // namespace ui
