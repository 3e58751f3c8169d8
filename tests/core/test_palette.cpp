// Both themes meet WCAG AA: 4.5:1 for every text colour on each background it is drawn on. The
// high-contrast palettes (prefers-contrast: more) meet AAA, 7:1, for every pair, the session's big
// numbers (Work and Rest) and phase fills included.
#include "ui/palette.h"

#include <catch2/catch_test_macros.hpp>

#include <cmath>
#include <cstdlib>

static double Channel(unsigned value)
{
    const double c = value / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

static double Luminance(unsigned rgb)
{
    return 0.2126 * Channel((rgb >> 16) & 0xFF) + 0.7152 * Channel((rgb >> 8) & 0xFF) + 0.0722 * Channel(rgb & 0xFF);
}

static double Contrast(unsigned a, unsigned b)
{
    const double la = Luminance(a), lb = Luminance(b);
    return (std::fmax(la, lb) + 0.05) / (std::fmin(la, lb) + 0.05);
}

TEST_CASE("the contrast formula matches WCAG's reference values")
{
    CHECK(std::fabs(Contrast(0x000000, 0xFFFFFF) - 21.0) < 1e-9);
    CHECK(std::fabs(Contrast(0x777777, 0xFFFFFF) - 4.48) < 0.01);
    CHECK(Contrast(0x123456, 0x123456) == 1.0);
}

TEST_CASE("text meets WCAG AA in both themes")
{
    for (const ui::PaletteHex& p : { ui::LightPalette, ui::DarkPalette })
    {
        const bool dark = &p == &ui::DarkPalette;
        INFO((dark ? "dark theme" : "light theme"));
        for (unsigned background : { p.Background, p.Surface })
        {
            CHECK(Contrast(p.Text, background) >= 4.5);
            CHECK(Contrast(p.TextMuted, background) >= 4.5);
            CHECK(Contrast(p.Accent, background) >= 4.5);
        }
        CHECK(Contrast(p.Text, p.Frame) >= 4.5);
        CHECK(Contrast(p.AccentText, p.Accent) >= 4.5);
        CHECK(Contrast(p.WarningText, p.Warning) >= 4.5);
        CHECK(Contrast(p.Work, p.Background) >= 4.5);
        CHECK(Contrast(p.Rest, p.Background) >= 4.5);
        // The session screen fills with its phase's colour; the numbers sit in Surface blocks.
        CHECK(Contrast(p.Work, p.Surface) >= 4.5);
        CHECK(Contrast(p.Rest, p.Surface) >= 4.5);
        for (unsigned fill : { p.WorkFill, p.RestFill, p.SwitchFill })
        {
            CHECK(Contrast(p.Text, fill) >= 4.5);
            CHECK(Contrast(p.TextMuted, fill) >= 4.5);
            CHECK(Contrast(p.Accent, fill) >= 4.5);
            CHECK(Contrast(p.Text, p.Frame) >= 4.5);  // buttons keep their own frame colour
        }
        CHECK(Contrast(p.Work, p.WorkFill) >= 4.5);
        CHECK(Contrast(p.Rest, p.RestFill) >= 4.5);
        CHECK(Contrast(p.Rest, p.SwitchFill) >= 4.5);
    }
}

// Distinct at a glance: the three fills differ from each other and from the plain background
// in hue, not only a shade (a runner two metres away tells work from rest by colour).
static int Hue(unsigned rgb)
{
    const double r = ((rgb >> 16) & 0xFF) / 255.0, g = ((rgb >> 8) & 0xFF) / 255.0, b = (rgb & 0xFF) / 255.0;
    const double mx = std::fmax(r, std::fmax(g, b)), mn = std::fmin(r, std::fmin(g, b));
    if (mx - mn < 1e-9)
        return -1;
    double h = mx == r ? std::fmod((g - b) / (mx - mn), 6.0) : mx == g ? (b - r) / (mx - mn) + 2.0
                                                                       : (r - g) / (mx - mn) + 4.0;
    h *= 60.0;
    return (int)(h < 0 ? h + 360.0 : h);
}

static int HueDistance(int a, int b)
{
    const int d = std::abs(a - b) % 360;
    return d > 180 ? 360 - d : d;
}

TEST_CASE("the phase fills are distinct hues in both themes, high contrast included")
{
    for (const ui::PaletteHex& p : { ui::LightPalette, ui::DarkPalette, ui::HighContrastLightPalette, ui::HighContrastDarkPalette })
    {
        const int work = Hue(p.WorkFill), rest = Hue(p.RestFill), change = Hue(p.SwitchFill);
        REQUIRE(work >= 0);
        REQUIRE(rest >= 0);
        REQUIRE(change >= 0);
        CHECK(HueDistance(work, rest) >= 40);
        CHECK(HueDistance(work, change) >= 40);
        CHECK(HueDistance(rest, change) >= 40);
        CHECK(p.WorkFill != p.Background);
        CHECK(p.RestFill != p.Background);
        CHECK(p.SwitchFill != p.Background);
    }
}

// Every text colour against every background it is drawn on.
static void CheckPairs(const ui::PaletteHex& p, double minimum)
{
    // The backgrounds, and the session screen's phase fills with the numbers drawn on them.
    for (unsigned background : { p.Background, p.Surface, p.WorkFill, p.RestFill, p.SwitchFill })
    {
        CHECK(Contrast(p.Text, background) >= minimum);
        CHECK(Contrast(p.TextMuted, background) >= minimum);
        CHECK(Contrast(p.Accent, background) >= minimum);
    }
    CHECK(Contrast(p.Text, p.Frame) >= minimum);
    CHECK(Contrast(p.AccentText, p.Accent) >= minimum);
    CHECK(Contrast(p.WarningText, p.Warning) >= minimum);
    CHECK(Contrast(p.Work, p.Background) >= minimum);
    CHECK(Contrast(p.Rest, p.Background) >= minimum);
    CHECK(Contrast(p.Work, p.WorkFill) >= minimum);
    CHECK(Contrast(p.Rest, p.RestFill) >= minimum);
    CHECK(Contrast(p.Rest, p.SwitchFill) >= minimum);
}

TEST_CASE("the high-contrast palettes meet WCAG AAA, session numbers included")
{
    for (const ui::PaletteHex& p : { ui::HighContrastLightPalette, ui::HighContrastDarkPalette })
    {
        const bool dark = &p == &ui::HighContrastDarkPalette;
        INFO((dark ? "high-contrast dark" : "high-contrast light"));
        CheckPairs(p, 7.0);
        // The session's numbers also sit in Surface blocks.
        CHECK(Contrast(p.Work, p.Surface) >= 7.0);
        CHECK(Contrast(p.Rest, p.Surface) >= 7.0);
    }
}

TEST_CASE("each high-contrast palette has more contrast than the theme it replaces")
{
    const ui::PaletteHex pairs[2][2] = { { ui::LightPalette, ui::HighContrastLightPalette }, { ui::DarkPalette, ui::HighContrastDarkPalette } };
    for (const auto& pair : pairs)
    {
        const ui::PaletteHex& normal = pair[0];
        const ui::PaletteHex& more = pair[1];
        CHECK(Contrast(more.Text, more.Background) >= Contrast(normal.Text, normal.Background));
        CHECK(Contrast(more.TextMuted, more.Background) > Contrast(normal.TextMuted, normal.Background));
        CHECK(Contrast(more.Work, more.Background) > Contrast(normal.Work, normal.Background));
        CHECK(Contrast(more.Rest, more.Background) > Contrast(normal.Rest, normal.Background));
        CHECK(Contrast(more.Accent, more.Background) > Contrast(normal.Accent, normal.Background));
    }
}
