// Widgets shared by the screens. Dear ImGui has no finger scrolling: BeginTouchScroll/EndTouchScroll
// add it by watching a press that starts inside the region; once it moves past a small threshold
// it becomes a scroll, and the item under the finger is released so nothing gets pressed. A busy
// page may get a whole quick drag (its moves and the release) in one frame: that still scrolls.
#include "ui/widgets.h"

#include "core/wording.h"

#include "ui/automation.h"
#include "ui/figure_view.h"
#include "ui/fonts.h"
#include "ui/layout.h"
#include "ui/theme.h"

#include <imgui_internal.h>

#include <cmath>
#include <cstdio>
#include <cstring>

constexpr float DragThreshold = 8.0f;  // CSS px a finger may wobble before a press becomes a scroll

// The glide after a flick runs on time, not frames, so a phone drawing 20 frames a second glides
// as far as one drawing 60: its speed falls by e every GlideTimeConstant seconds, and a flick
// glides its release speed times that constant (0.2 s: a flick at 1000 px/s glides 200 px).
constexpr float GlideTimeConstant = 0.2f;
constexpr float GlideStartSpeed = 120.0f;  // px/s: a slower release just stops
constexpr float GlideStopSpeed = 30.0f;    // px/s: the glide ends below it
constexpr float MaxSpeed = 8000.0f;        // px/s: a frame of next to no time does not fling the list

static struct
{
    ImGuiID Window = 0;       // the scroll region a press started in
    bool Dragging = false;    // the press became a scroll
    float Velocity = 0.0f;    // px per second of the last frame of the drag, then of the glide
    ImGuiID GlideWindow = 0;  // region still gliding after release
} g_Scroll;

const char* ui::Label(const char* english)
{
    // A few labels are alive at once (a header's back button and its title, a stepper's two
    // buttons): each call gets the next of several buffers.
    static char buffers[8][256];
    static int next = 0;
    char* out = buffers[next];
    next = (next + 1) % 8;
    const char* visible_end = ImGui::FindRenderedTextEnd(english);
    char visible[192];
    snprintf(visible, sizeof(visible), "%.*s", (int)(visible_end - english), english);
    const char* shown = visible[0] ? core::Tr(visible) : "";
    const char* id = strstr(english, "###") ? strstr(english, "###") + 3 : english;
    snprintf(out, sizeof(buffers[0]), "%s###%s", shown, id);
    return out;
}

float ui::BeginPage(const char* id, float max_width)
{
    // The page is the safe area (no notch, corner or home indicator over it), at most max_width
    // wide and centred; the clear colour is the page colour, so the margins look the same.
    const ImRect page = PageRect(max_width);
    ImGui::SetNextWindowPos(page.Min);
    ImGui::SetNextWindowSize(page.GetSize());
    ImGui::Begin(id, nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoScrollbar);
    return ImGui::GetContentRegionAvail().x;
}

void ui::EndPage() { ImGui::End(); }

bool ui::PageHeader(const char* title, const char* back_label)
{
    // The title is drawn beside the back button, centred on its height, in the heading font.
    float height = 44.0f;
    title = core::Tr(title);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    bool pressed = false;
    float title_x = start.x;
    if (back_label != nullptr)
    {
        pressed = Button(back_label, ButtonKind_Quiet, 0.0f, height);
        title_x = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x;
    }
    // A long title on a narrow screen shrinks to fit its line (down to 20 px), then wraps.
    ImFont* font = GetFont(FontRole_Heading);
    const float avail = ImGui::GetWindowPos().x + ImGui::GetWindowWidth() - ImGui::GetStyle().WindowPadding.x - title_x;
    float size = HeadingFontSize;
    const float natural = font->CalcTextSizeA(size, FLT_MAX, 0.0f, title).x;
    if (natural > avail)
        size = ImMax(20.0f, size * avail / natural);
    const ImVec2 text = font->CalcTextSizeA(size, FLT_MAX, avail, title);
    const float y = start.y + ImMax(0.0f, (height - text.y) * 0.5f);
    ImGui::GetWindowDrawList()->AddText(font, size, ImVec2(title_x, y), ImGui::GetColorU32(ImGuiCol_Text), title, nullptr, avail);
    DescribeText(NodeKind_Heading, title, ImVec2(title_x, y), ImVec2(title_x + text.x, y + text.y));
    height = ImMax(height, y - start.y + text.y);
    ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + height + ImGui::GetStyle().ItemSpacing.y));
    ImGui::Dummy(ImVec2(0.0f, 0.0f));
    return pressed;
}

void ui::BeginTouchScroll(const char* id, float height, float width)
{
    ImVec2 size(width, height > 0.0f ? height : ImGui::GetContentRegionAvail().y + height);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(0, 0, 0, 0));
    // Flattened for keyboard navigation: Tab moves straight on into the region's items.
    ImGui::BeginChild(id, size, ImGuiChildFlags_None, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NavFlattened);
    MarkScrollRegion();  // the automation interface reports what lies in it

    // Decided before the region's items see this frame's input, so the item the press began on
    // is released before it could take the release as a click (the release may be in this frame).
    const ImGuiIO& io = ImGui::GetIO();
    if (g_Scroll.Window == ImGui::GetCurrentWindow()->ID && !g_Scroll.Dragging && (io.MouseDown[0] || io.MouseReleased[0]) &&
        std::fabs(io.MousePos.y - io.MouseClickedPos[0].y) > DragThreshold)
    {
        g_Scroll.Dragging = true;
        g_Scroll.Velocity = 0.0f;
        ImGui::ClearActiveID();
    }
}

void ui::EndTouchScroll()
{
    ImGuiContext& g = *ImGui::GetCurrentContext();
    ImGuiWindow* window = g.CurrentWindow;
    ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsMouseClicked(0) && window->InnerRect.Contains(io.MouseClickedPos[0]) &&
        ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows | ImGuiHoveredFlags_AllowWhenBlockedByActiveItem))
    {
        g_Scroll.Window = window->ID;
        g_Scroll.Dragging = false;
        g_Scroll.GlideWindow = 0;
    }
    if (g_Scroll.Window == window->ID)
    {
        if (io.MouseDown[0])
        {
            if (g_Scroll.Dragging)
            {
                ImGui::SetScrollY(window->Scroll.y - io.MouseDelta.y);
                if (io.DeltaTime >= 0.001f)  // not a frame run again at once
                    g_Scroll.Velocity = ImClamp(io.MouseDelta.y / io.DeltaTime, -MaxSpeed, MaxSpeed);
            }
        }
        else
        {
            // The moves that came with the release count too. The glide keeps the speed of the
            // frames before: a drag that came whole in this one frame has none, and stops here.
            if (g_Scroll.Dragging)
            {
                ImGui::SetScrollY(window->Scroll.y - io.MouseDelta.y);
                if (std::fabs(g_Scroll.Velocity) > GlideStartSpeed)
                    g_Scroll.GlideWindow = window->ID;
            }
            g_Scroll.Window = 0;
            g_Scroll.Dragging = false;
        }
    }
    else if (g_Scroll.GlideWindow == window->ID)
    {
        // A short glide after a flick, slowing down with time: the distance of this frame is the
        // glide's over the time the frame took, however long that was.
        const float decay = std::exp(-io.DeltaTime / GlideTimeConstant);
        ImGui::SetScrollY(window->Scroll.y - g_Scroll.Velocity * GlideTimeConstant * (1.0f - decay));
        g_Scroll.Velocity *= decay;
        if (std::fabs(g_Scroll.Velocity) < GlideStopSpeed || window->Scroll.y <= 0.0f || window->Scroll.y >= window->ScrollMax.y)
            g_Scroll.GlideWindow = 0;
    }
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

bool ui::TouchScrollMoving() { return g_Scroll.Dragging || g_Scroll.GlideWindow != 0; }

static struct
{
    ImVec2 Top;              // where the columns start
    float Width = 0.0f;      // of one column
    float Gap = 0.0f;        // between them
    float RightEdge = 0.0f;  // the window's content edge, put back at the end
    float Bottom = 0.0f;     // of the first column
} g_Columns;

// One column's right edge for Dear ImGui's "rest of the line" (GetContentRegionAvail, wrapping).
static void SetContentRight(float x)
{
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    window->WorkRect.Max.x = x;
    window->ContentRegionRect.Max.x = x;
}

void ui::BeginTwoColumns()
{
    const ImGuiStyle& style = ImGui::GetStyle();
    g_Columns.Top = ImGui::GetCursorScreenPos();
    g_Columns.Gap = style.ItemSpacing.x * 2.0f;
    g_Columns.RightEdge = ImGui::GetCurrentWindow()->ContentRegionRect.Max.x;
    g_Columns.Width = ImFloor((g_Columns.RightEdge - g_Columns.Top.x - g_Columns.Gap) * 0.5f);
    SetContentRight(g_Columns.Top.x + g_Columns.Width);
    ImGui::BeginGroup();
}

void ui::NextColumnOfTwo()
{
    ImGui::EndGroup();
    g_Columns.Bottom = ImGui::GetItemRectMax().y;
    SetContentRight(g_Columns.RightEdge);
    ImGui::SetCursorScreenPos(ImVec2(g_Columns.Top.x + g_Columns.Width + g_Columns.Gap, g_Columns.Top.y));
    ImGui::BeginGroup();
}

void ui::EndTwoColumns()
{
    ImGui::EndGroup();
    const float bottom = ImMax(g_Columns.Bottom, ImGui::GetItemRectMax().y);
    ImGui::SetCursorScreenPos(ImVec2(g_Columns.Top.x, bottom + ImGui::GetStyle().ItemSpacing.y));
    ImGui::Dummy(ImVec2(0.0f, 0.0f));
}

// A button of a given width whose label would not fit inside the usual side padding gets less of
// it (down to 2 px), so narrow screens keep whole words on their buttons.
// A label wider than its button first gives up padding, then shrinks (ui::MinLabelScale), so a
// longer word in another language is drawn whole rather than clipped.
bool ui::TwoButtonsFit(const char* first, const char* second, float width)
{
    const float half = (width - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    const float room = half - 2.0f * ImGui::GetStyle().FramePadding.x;  // a label squeezed to its frame's edges reads badly
    const float widest = ImMax(ImGui::CalcTextSize(core::Tr(first)).x, ImGui::CalcTextSize(core::Tr(second)).x);
    return widest * MinLabelScale <= room;
}

static bool FittedButton(const char* label, float width, float height)
{
    const ImGuiStyle& style = ImGui::GetStyle();
    float padding = style.FramePadding.x;
    float scale = 1.0f;
    if (width > 0.0f)
    {
        const float label_w = ImGui::CalcTextSize(label, nullptr, true).x;
        padding = ImClamp(ImFloor((width - label_w) * 0.5f) - 1.0f, 2.0f, style.FramePadding.x);
        if (label_w > width - 2.0f * padding - 2.0f && label_w > 0.0f)
            scale = ImMax(ui::MinLabelScale, (width - 2.0f * padding - 2.0f) / label_w);
    }
    if (padding == style.FramePadding.x && scale == 1.0f)
        return ImGui::Button(label, ImVec2(width, height));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(padding, style.FramePadding.y));
    if (scale != 1.0f)
        ImGui::SetWindowFontScale(scale);
    const bool pressed = ImGui::Button(label, ImVec2(width, height));
    if (scale != 1.0f)
        ImGui::SetWindowFontScale(1.0f);
    ImGui::PopStyleVar();
    return pressed;
}

float ui::FittedTextSize(ImFont* font, float size, float min_size, float room, const char* text)
{
    const float natural = font->CalcTextSizeA(size, FLT_MAX, 0.0f, text).x;
    return natural > room && natural > 0.0f ? ImMax(min_size, size * room / natural) : size;
}

bool ui::Button(const char* label, ButtonKind kind, float width, float height)
{
    const Palette& c = Colors();
    int colors = 0;
    if (kind == ButtonKind_Primary)
    {
        const ImVec4 accent = ImGui::ColorConvertU32ToFloat4(c.Accent);
        ImVec4 hovered = accent;
        hovered.w = 0.88f;
        ImGui::PushStyleColor(ImGuiCol_Button, accent);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, hovered);
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, hovered);
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(c.AccentText));
        colors = 4;
    }
    else if (kind == ButtonKind_Quiet)
    {
        ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(0, 0, 0, 0));
        colors = 1;
    }
    label = Label(label);
    // A button sized to its label is never wider than the room left on its line (a narrow page):
    // there, it takes that room and its label shrinks to fit.
    if (width <= 0.0f)
    {
        const float natural = ImGui::CalcTextSize(label, nullptr, true).x + 2.0f * ImGui::GetStyle().FramePadding.x;
        const float room = ImGui::GetContentRegionAvail().x;
        if (natural > room && room > 0.0f)
            width = room;
    }
    const bool pressed = FittedButton(label, width, height);
    DescribeLastItem(label, ItemRole_Button);
    ImGui::PopStyleColor(colors);
    return pressed;
}

bool ui::ToggleButton(const char* label, bool selected, float width, float height)
{
    const Palette& c = Colors();
    if (selected)
    {
        ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(c.Accent));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::ColorConvertU32ToFloat4(c.Accent));
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImGui::ColorConvertU32ToFloat4(c.Accent));
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(c.AccentText));
    }
    label = Label(label);
    const bool pressed = FittedButton(label, width, height);
    DescribeLastItem(label, ItemRole_Radio, selected ? 1 : 0);
    if (selected)
        ImGui::PopStyleColor(4);
    return pressed;
}

void ui::TextMuted(const char* text)
{
    text = core::Tr(text);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(Colors().TextMuted));
    ImGui::TextWrapped("%s", text);
    DescribeLastText(NodeKind_Text, text);
    ImGui::PopStyleColor();
}

void ui::Heading(const char* text, NodeKind kind)
{
    text = core::Tr(text);
    ImGui::PushFont(GetFont(FontRole_Heading));
    ImGui::TextWrapped("%s", text);
    DescribeLastText(kind, text);
    ImGui::PopFont();
}

void ui::Subheading(const char* text, float space_above)
{
    text = core::Tr(text);
    ImGui::Dummy(ImVec2(0.0f, space_above));  // with 0: the same as ImGui::Spacing()
    ImGui::PushFont(GetFont(FontRole_Heading));
    ImGui::SetWindowFontScale(0.8f);  // about 21 px
    ImGui::TextWrapped("%s", text);
    DescribeLastText(NodeKind_Subheading, text);
    ImGui::SetWindowFontScale(1.0f);
    ImGui::PopFont();
}

// Items drawn by hand (cards, rows) show keyboard focus the way ImGui's own widgets do: only while
// the keyboard is in use, not after a tap.
void ui::FocusOutline(ImDrawList* draw_list, ImVec2 min, ImVec2 max, float rounding)
{
    if (ImGui::IsItemFocused() && ImGui::GetIO().NavVisible)
        draw_list->AddRect(min, max, ImGui::GetColorU32(ImGuiCol_NavHighlight), rounding, 0, 2.0f);
}

void ui::Banner(const char* text, bool is_error)
{
    text = core::Tr(text);
    const Palette& c = Colors();
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    const float width = ImGui::GetContentRegionAvail().x;
    const float padding = 12.0f;
    const ImVec2 text_size = ImGui::CalcTextSize(text, nullptr, false, width - 2 * padding);
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + width, min.y + text_size.y + 2 * padding);
    draw_list->AddRectFilled(min, max, is_error ? c.Warning : c.Surface, 10.0f);
    DescribeText(NodeKind_Text, text, min, max);
    ImGui::SetCursorScreenPos(ImVec2(min.x + padding, min.y + padding));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(is_error ? c.WarningText : c.Text));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 2 * padding);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::SetCursorScreenPos(ImVec2(min.x, max.y + ImGui::GetStyle().ItemSpacing.y));
    ImGui::Dummy(ImVec2(0, 0));
}

void ui::ProgressBar(float fraction, float height, ImU32 color)
{
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const ImVec2 max(min.x + width, min.y + height);
    draw_list->AddRectFilled(min, max, ImGui::GetColorU32(ImGuiCol_FrameBg), height * 0.5f);
    if (fraction > 0.0f)
        draw_list->AddRectFilled(min, ImVec2(min.x + width * ImClamp(fraction, 0.0f, 1.0f), max.y), color, height * 0.5f);
    ImGui::Dummy(ImVec2(width, height));
}

void ui::FormatClock(char* out, int size, long long ms, bool round_up)
{
    if (ms < 0)
        ms = 0;
    const long long seconds = round_up ? (ms + 999) / 1000 : ms / 1000;
    if (seconds >= 3600)
        snprintf(out, size, "%lld:%02lld:%02lld", seconds / 3600, (seconds / 60) % 60, seconds % 60);
    else
        snprintf(out, size, "%lld:%02lld", seconds / 60, seconds % 60);
}

// --- [SECTION] Demonstrations

void ui::DrawDemo(ImDrawList* draw_list, ImVec2 min, ImVec2 max, const DemoParams& params)
{
    const core::PoseSample pose = core::SamplePose(params.Exercise, params.DemoSide, params.RepPhase, params.RepIndex);
    FigureStyle style = IsDarkTheme() ? FigureStyleDark(params.View) : FigureStyleLight(params.View);
    style.FitPose = params.FitPose;
    DrawFigure(draw_list, min, max, pose, style);
}

// --- [SECTION] Keyboard-flat scroll regions
