// Both themes meet WCAG AA: 4.5:1 for every text colour on each background it is drawn on.
#include "ui/palette.h"

#include <catch2/catch_test_macros.hpp>

#include <cmath>

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
    }
}
