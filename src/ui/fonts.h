// The app's four text sizes, rasterised from one embedded font at the device pixel ratio.
#pragma once

struct ImFont;

namespace ui {

enum FontRole
{
    FontRole_Body,
    FontRole_Heading,
    FontRole_Big,
    FontRole_Cue,
    FontRole_COUNT
};

constexpr float BodyFontSize = 18.0f;     // CSS px: lists, steps, buttons (never below 14)
constexpr float HeadingFontSize = 26.0f;  // CSS px: screen titles, phase names
constexpr float BigFontSize = 88.0f;      // CSS px: the session's time and rep, digits only
constexpr float CueFontSize = 46.0f;      // CSS px: the session's tempo word ("Extend", "Hold"), read from the floor

void LoadFonts(float device_pixel_ratio);  // (re)builds the atlas with every role; the caller re-uploads it
ImFont* GetFont(FontRole role);
int MissingGlyphs();  // characters of the active language's texts that a text size (body, heading, tempo word) cannot draw

}  // namespace ui
