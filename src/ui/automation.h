// The automation interface the browser tests use (README "Automation interface"): every
// interactive item drawn in the last frame, recorded through Dear ImGui's item hooks, and the
// text it drew, as JSON: web/app.js exposes them as window.bandCircuit.widgets() and .texts()
// (the app's state, .state(), is src/app/automation_state's).
//
// The same record of the frame feeds the accessible layer (ui/accessibility.cpp, web/a11y.js):
// the screens say what each item is to a screen reader (a switch, one choice of a group, a
// stepper), and which text is a heading or the session's status, with the Describe* calls below,
// made right after the item or text they describe.
#pragma once

#include "ui/frame_nodes.h"

#include <imgui.h>

#include <string>

namespace ui {

void InstallAutomationHooks();  // after ImGui::CreateContext()
void BeginAutomationFrame();    // before ImGui::NewFrame(): starts a fresh widget list
void EndAutomationFrame();      // after ImGui::Render(): the list becomes the last frame's
void MarkScrollRegion();        // inside a scrolling child window: its items are reported with its rectangle

// Choices drawn between these form one radio group named `name` (ToggleButton uses it).
void BeginChoiceGroup(const char* name);
void EndChoiceGroup();

// The item just submitted: its role, state and a longer description (read after its name).
// checked / expanded: -1 when the state does not apply.
void DescribeLastItem(const char* label, ItemRole role, int checked = -1, int expanded = -1, const char* description = nullptr);

// The last two items submitted are the − and + of one number: exposed as one spin button
// named `name` with the value `value_text` (its number `value` within [min, max]).
void DescribeStepper(const char* name, const char* value_text, int value, int min, int max, const char* description = nullptr);

// Text drawn in [min, max] (layout px of the viewport), or at the last item's rectangle.
// Text and items far out of view (beyond the nearest few off screen) are left out.
void DescribeText(NodeKind kind, const char* text, ImVec2 min, ImVec2 max);
void DescribeLastText(NodeKind kind, const char* text);

// The item just submitted is in the layer: describing it is worth the work (a row far out of view
// of a long list is not).
bool LastItemRecorded();

// The name of the item with visible keyboard focus in the last frame ("" when none): state().focused.
std::string KeyboardFocusName();

// --- The automation interface's lists of the last frame (answers to platform::PageQueries)
std::string WidgetsJson();  // bandCircuit.widgets(): the drawn items with a visible label
std::string TextsJson();    // bandCircuit.texts(): every line of text drawn

}  // namespace ui
