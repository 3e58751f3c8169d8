// What the last frame showed, as the automation interface and the accessible layer see it: one
// list in submission order (which is also Dear ImGui's keyboard navigation order), filled by
// ui/automation.cpp during the frame and read by both its widgets() and ui/accessibility.cpp.
#pragma once

#include <imgui.h>
#include <imgui_internal.h>

#include <string>
#include <vector>

namespace ui {

// --- What things are, for the accessible layer

enum NodeKind
{
    NodeKind_Item,        // an interactive item (Dear ImGui submitted it with an id)
    NodeKind_Heading,     // the screen's title (level 1)
    NodeKind_Subheading,  // a section title (level 2)
    NodeKind_Text,        // a paragraph
    NodeKind_Status,      // part of the session's status: read as text, never announced by itself
};

enum ItemRole
{
    ItemRole_None,  // not exposed (a hidden label, the figure, the second half of a stepper)
    ItemRole_Button,
    ItemRole_Radio,       // one choice of a group: ChoiceGroup names the group
    ItemRole_Switch,      // on or off
    ItemRole_SpinButton,  // a number changed by a − and a + button
};

struct FrameNode
{
    NodeKind Kind = NodeKind_Item;
    ImGuiID Id = 0;             // Dear ImGui id (items only)
    ImGuiID SecondId = 0;       // spin buttons: the + item (Id is the − item)
    std::string Label;          // visible text, without any "##id" suffix
    std::string Key;            // the English label the code gave ("Start" when Label is "Starten"): widgets()' id
    std::string A11yName;       // the accessible layer's name when not Label (a spin button's title)
    std::string Description;    // read after the name (dose, details, a note)
    std::string ValueText;      // spin buttons: the value as shown
    ImRect Rect;                // the whole item or text, layout px (may lie outside the view when scrolled away)
    ImRect Visible;             // the part inside its window (empty when scrolled out of view)
    ImRect SecondRect;          // spin buttons: the + item's Rect ...
    ImRect SecondVisible;       // ... and Visible
    bool InScroll = false;      // inside a finger-scrolled region (ui::MarkScrollRegion)
    ImRect Scroll;              // that region's visible rectangle
    bool Enabled = true;        // false when drawn disabled
    bool SecondEnabled = true;  // spin buttons: the + item is enabled
    bool Reported = false;      // listed by widgets(): Dear ImGui reported it with a visible label
    ItemRole Role = ItemRole_Button;
    int Checked = -1;                 // radios and switches: 0 or 1
    int Expanded = -1;                // rows that open: 0 or 1
    int Value = 0, Min = 0, Max = 0;  // spin buttons
    std::string Group;                // radios: the group's name
};

}  // namespace ui
