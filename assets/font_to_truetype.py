# Rewrites an OpenType font with CFF (cubic) outlines as a TrueType (glyf, quadratic) font:
#   python3 font_to_truetype.py IN.otf OUT.ttf
# Used at build time on the subset UI font. Dear ImGui rasterises the atlas with stb_truetype,
# which reads glyf outlines directly but runs a CFF charstring interpreter for every glyph, several
# times over: with glyf outlines the first frame builds its font atlas in about 40% less time.
# A font with more than 1024 units per em (Inter has 2048) is first scaled to 1024: its outlines
# then take fewer bytes (most point offsets fit in one), and the curves are approximated to within
# one unit, a tenth of a pixel at the largest size the app draws (46 px at 3 device pixels per px).
import sys

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable
from fontTools.ttLib.scaleUpem import scale_upem

MAX_UNITS_PER_EM = 1024
MAX_ERROR_UNITS = 1.0


def main(source, target):
    font = TTFont(source)
    if font["head"].unitsPerEm > MAX_UNITS_PER_EM:
        scale_upem(font, MAX_UNITS_PER_EM)
    order = font.getGlyphOrder()
    outlines = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(None)
        # TrueType contours run clockwise, CFF ones counter-clockwise.
        outlines[name].draw(Cu2QuPen(pen, MAX_ERROR_UNITS, reverse_direction=True))
        glyphs[name] = pen.glyph()

    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    font["loca"] = newTable("loca")
    del font["CFF "]
    font["head"].glyphDataFormat = 0

    maxp = font["maxp"] = newTable("maxp")   # version 1.0, as TrueType wants; counts are recomputed
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements", "maxPoints",
                  "maxContours", "maxCompositePoints", "maxCompositeContours", "maxComponentDepth"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1

    post = font["post"]                       # no glyph names: stb_truetype finds glyphs through cmap
    post.formatType = 3.0

    font.sfntVersion = "\x00\x01\x00\x00"
    font.save(target)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: font_to_truetype.py IN.otf OUT.ttf")
    main(sys.argv[1], sys.argv[2])
