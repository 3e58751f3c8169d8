// The display scale, the safe area and the per-shape rectangles of ui/layout.h.
//
// Scaling works by telling Dear ImGui the display is smaller than the canvas by the scale, and the
// framebuffer denser by the same factor: everything then draws larger with no screen knowing, and
// the font atlas is rasterised at CSS size x scale x devicePixelRatio so text stays sharp. Mouse
// and touch positions arrive in CSS pixels and are divided by the scale as they are queued; the
// automation interface multiplies its rectangles back, so tests keep seeing CSS pixels.
#include "ui/layout.h"

#include "ui/text_direction.h"

#include <cmath>

static struct
{
    float Scale = 1.0f;     // CSS px per layout px
    ImVec4 InsetsCss = {};  // safe-area insets, CSS px: top, right, bottom, left
} g_Layout;

// A phone (up to about 840x700 CSS px either way round) is drawn at 1:1; beyond that the scale
// grows with the smaller of the two ratios, in steps of 1/8, up to 2 (a 2560x1440 monitor).
float ui::UpdateDisplayScale(float css_width, float css_height, float text_scale)
{
    const float fit = ImMin(css_width / 840.0f, css_height / 700.0f);
    g_Layout.Scale = ImClamp(ImFloor(fit * 8.0f) / 8.0f, 1.0f, 2.0f) * ImClamp(text_scale, 1.0f, 2.0f);
    return g_Layout.Scale;
}

float ui::DisplayScale() { return g_Layout.Scale; }

void ui::ApplyDisplayScale()
{
    ImGuiIO& io = ImGui::GetIO();
    const float s = g_Layout.Scale;
    io.DisplaySize = ImVec2(io.DisplaySize.x / s, io.DisplaySize.y / s);
    io.DisplayFramebufferScale = ImVec2(io.DisplayFramebufferScale.x * s, io.DisplayFramebufferScale.y * s);
}

void ui::ScaleInputEventsFrom(int first)
{
    ImGuiContext& g = *ImGui::GetCurrentContext();
    const float s = g_Layout.Scale;
    for (int i = first; i < g.InputEventsQueue.Size; i++)
    {
        ImGuiInputEvent& e = g.InputEventsQueue[i];
        if (e.Type != ImGuiInputEventType_MousePos || e.MousePos.PosX <= -FLT_MAX || e.MousePos.PosY <= -FLT_MAX)
            continue;  // a mouse that left the window stays "nowhere"
        e.MousePos.PosX /= s;
        e.MousePos.PosY /= s;
        e.MousePos.PosX = ScreenX(e.MousePos.PosX);  // a mirrored screen (ui/text_direction.h): the same mirror takes it back
    }
}

void ui::SetSafeAreaInsets(float top, float right, float bottom, float left)
{
    // Anything odd (NaN, negative) counts as no inset; more than a third of a side is not an inset.
    auto clean = [](float v) { return std::isfinite(v) && v > 0.0f ? ImMin(v, 400.0f) : 0.0f; };
    g_Layout.InsetsCss = ImVec4(clean(top), clean(right), clean(bottom), clean(left));
}

ImVec4 ui::SafeAreaInsetsCss() { return g_Layout.InsetsCss; }

ImRect ui::SafeRect()
{
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float s = g_Layout.Scale;
    ImVec4 i = g_Layout.InsetsCss;
    if (MirroredScreen())
        ImSwap(i.y, i.w);  // laid out mirrored: the notch on the screen's left is on the layout's right
    ImRect r(viewport->Pos.x + i.w / s, viewport->Pos.y + i.x / s,
             viewport->Pos.x + viewport->Size.x - i.y / s, viewport->Pos.y + viewport->Size.y - i.z / s);
    // Insets larger than the screen (a test's mistake, a broken browser): keep a usable page.
    if (r.GetWidth() < viewport->Size.x * 0.5f || r.GetHeight() < viewport->Size.y * 0.5f)
        r = ImRect(viewport->Pos, ImVec2(viewport->Pos.x + viewport->Size.x, viewport->Pos.y + viewport->Size.y));
    return ImRect(ImFloor(r.Min), ImFloor(r.Max));
}

ui::Shape ui::CurrentShape()
{
    const ImRect safe = SafeRect();
    const float w = safe.GetWidth(), h = safe.GetHeight();
    if (w <= h * 1.15f)
        return Shape_Portrait;
    return h < 560.0f ? Shape_Landscape : Shape_Wide;
}

const char* ui::ShapeKey(Shape shape)
{
    static const char* keys[] = { "portrait", "landscape", "wide" };
    return keys[shape];
}

ImRect ui::PageRect(float max_width)
{
    ImRect r = SafeRect();
    const float width = r.GetWidth();
    if (max_width > 0.0f && width > max_width)
    {
        const float left = ImFloor(r.Min.x + (width - max_width) * 0.5f);
        r.Min.x = left;
        r.Max.x = left + max_width;
    }
    return r;
}

// --- [SECTION] The session's blocks

constexpr float PagePad = 16.0f;  // the page window's padding (theme.cpp WindowPadding)
constexpr float Gap = 12.0f;      // between blocks

static float FigureColumnShare(ui::Shape shape) { return shape == ui::Shape_Wide ? 0.52f : 0.46f; }

// A page on its side too short for the figure beside the numbers (a phone on its side at a large
// text size, a browser zoomed in): the figure goes, the status takes the left column and the
// numbers the right, over the controls' bar.
constexpr float FigureMinPageHeight = 280.0f;
static bool NoFigureBeside(const ImRect& inner, ui::Shape shape) { return shape == ui::Shape_Landscape && inner.GetHeight() < FigureMinPageHeight; }

ImRect ui::SessionStatusArea(const ImRect& page, Shape shape)
{
    const ImRect inner(page.Min.x + PagePad, page.Min.y + PagePad, page.Max.x - PagePad, page.Max.y - PagePad);
    if (shape == Shape_Portrait)
        return inner;
    if (NoFigureBeside(inner, shape))
        return ImRect(inner.Min, ImVec2(inner.Min.x + ImFloor((inner.GetWidth() - Gap) * 0.5f), inner.Max.y));
    const float left_w = ImFloor(inner.GetWidth() * FigureColumnShare(shape));
    return ImRect(inner.Min.x + left_w + Gap + 4.0f, inner.Min.y, inner.Max.x, inner.Max.y);
}

bool ui::SessionControlsInRow(Shape shape) { return shape == Shape_Landscape; }

bool ui::SessionFigureShown(const ImRect& page, Shape shape)
{
    const ImRect inner(page.Min.x + PagePad, page.Min.y + PagePad, page.Max.x - PagePad, page.Max.y - PagePad);
    return !NoFigureBeside(inner, shape);
}

ui::SessionLayout ui::LayOutSession(const ImRect& page, Shape shape, float status_bottom, float controls_h)
{
    SessionLayout l;
    l.PageShape = shape;
    l.ControlsInRow = SessionControlsInRow(shape);
    const ImRect inner(page.Min.x + PagePad, page.Min.y + PagePad, page.Max.x - PagePad, page.Max.y - PagePad);
    const ImRect status_area = SessionStatusArea(page, shape);
    l.Status = ImRect(status_area.Min, ImVec2(status_area.Max.x, status_bottom));

    if (shape == Shape_Portrait)
    {
        // Status, figure, numbers, controls, top to bottom. The controls and the numbers keep
        // their room; the figure takes what is left (and goes when too little is left to read it).
        l.Controls = ImRect(inner.Min.x, inner.Max.y - controls_h, inner.Max.x, inner.Max.y);
        const float rest = l.Controls.Min.y - Gap - status_bottom;
        const float numbers_h = ImClamp(ImFloor(rest * 0.32f), ImMin(96.0f, rest), 150.0f);
        l.Numbers = ImRect(inner.Min.x, l.Controls.Min.y - Gap - numbers_h, inner.Max.x, l.Controls.Min.y - Gap);
        const float figure_top = status_bottom + 4.0f;
        const float figure_bottom = l.Numbers.Min.y - Gap;
        if (figure_bottom - figure_top >= 72.0f)
            l.Figure = ImRect(inner.Min.x, figure_top, inner.Max.x, figure_bottom);
        else
            l.Figure = ImRect(inner.Min.x, figure_top, inner.Min.x, figure_top);  // no room: no figure
        return l;
    }

    const float left_w = ImFloor(inner.GetWidth() * FigureColumnShare(shape));
    if (NoFigureBeside(inner, shape))
    {
        l.Controls = ImRect(inner.Min.x, inner.Max.y - controls_h, inner.Max.x, inner.Max.y);
        l.Figure = ImRect(inner.Min, inner.Min);
        l.Numbers = ImRect(status_area.Max.x + Gap, inner.Min.y, inner.Max.x, l.Controls.Min.y - Gap);
    }
    else if (shape == Shape_Landscape)
    {
        // Short screens: the controls are one bar across the whole width, under both columns.
        l.Controls = ImRect(inner.Min.x, inner.Max.y - controls_h, inner.Max.x, inner.Max.y);
        l.Figure = ImRect(inner.Min.x, inner.Min.y, inner.Min.x + left_w, l.Controls.Min.y - Gap);
        l.Numbers = ImRect(status_area.Min.x, status_bottom + 4.0f, status_area.Max.x, l.Controls.Min.y - Gap);
    }
    else
    {
        // Room enough: the figure takes the full height on the left, the controls sit under the
        // numbers on the right.
        l.Figure = ImRect(inner.Min.x, inner.Min.y, inner.Min.x + left_w, inner.Max.y);
        l.Controls = ImRect(status_area.Min.x, inner.Max.y - controls_h, status_area.Max.x, inner.Max.y);
        l.Numbers = ImRect(status_area.Min.x, status_bottom + Gap, status_area.Max.x, l.Controls.Min.y - Gap);
    }
    if (l.Numbers.Max.y < l.Numbers.Min.y)
        l.Numbers.Max.y = l.Numbers.Min.y;
    return l;
}
