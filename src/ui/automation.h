// The automation interface the browser tests use (README "Automation interface"): every
// interactive item drawn in the last frame, recorded through Dear ImGui's item hooks, and the
// app's state as JSON. web/app.js exposes both as window.bandCircuit.widgets() and .state().
#pragma once

#include <string>

namespace ui {

void InstallAutomationHooks();   // after ImGui::CreateContext()
void BeginAutomationFrame();     // before ImGui::NewFrame(): starts a fresh widget list
void EndAutomationFrame();       // after ImGui::Render(): the list becomes the last frame's
void AppendJsonString(std::string& out, const std::string& text);   // a JSON string literal of any text
void MarkScrollRegion();         // inside a scrolling child window: its items are reported with its rectangle

}  // namespace ui
