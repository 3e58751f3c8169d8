// The accessible layer's side of the frame (ui/accessibility.cpp): the hooks the automation
// record calls during and after a frame, and the answers to web/a11y.js's requests.
#pragma once

#include "ui/frame_nodes.h"

#include <imgui.h>

#include <vector>

namespace ui {

// Called for every item Dear ImGui adds (visible or scrolled away), while it is the last item, so
// a focus or press asked for by the page lands on it.
void AccessibilityItemAdded(ImGuiID id, bool visible);
// After the frame, with its record (ui/frame_nodes.h) and display scale (CSS px per layout px):
// brings the page's layer up to date if it changed.
void AccessibilityEndFrame(const std::vector<FrameNode>& nodes, float scale);

void AccessibilityFocus(unsigned item);  // the page focused this item's element: it gets keyboard focus when next submitted
void AccessibilityPress(unsigned item);  // the page pressed this item's element: activated when next submitted
double AccessibilityCostMs();            // time spent after frames describing them, since start
int AccessibilityUpdates();              // descriptions sent to the page since start
bool TakeAccessibilityFrameRequest();    // a focus or press was under way this frame: draw the next one too

}  // namespace ui
