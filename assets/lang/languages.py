# The language pipeline: from the English texts marked in src/ and one gettext .po file per
# language (assets/lang/<tag>.po) to what the app reads. Debian's python3 with python3-polib,
# python3-babel, python3-fonttools and python3-arabic-reshaper, and gettext's xgettext, msgmerge
# and msgfmt.
#
#   languages.py pot OUT.pot                   extract every marked English text from src/
#   languages.py update                        bring every .po up to date with src/ (msgmerge)
#   languages.py source OUT.cpp                the C++ list of languages with their CLDR plural rules
#   languages.py table TAG OUT.bin UI_FONT BASE_GLYPHS
#                                              one language's table, with its glyphs beyond the built-in font
#                                              (and OUT-glyphs.bin beside it for a language in DEVICE_DRAWN)
#   languages.py names OUT.bin UI_FONT BASE_GLYPHS
#                                              the glyphs of the languages' own names beyond the built-in font
#   languages.py device-tags                   the languages of DEVICE_DRAWN
#   languages.py check [BASE_GLYPHS UI_FONT]   every .po complete, placeholders kept, glyphs in the fonts
#
# Adding a language: one line in LANGUAGES below, then `./dev.sh messages` writes its .po to
# translate (see docs/languages.md).
import os
import re
import struct
import subprocess
import sys
import tempfile
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# Fonts for the scripts Inter does not have (Debian's fonts-noto-core and fonts-noto-cjk). A
# collection (.ttc) names its font after '#'.
NOTO_ARABIC = "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf"
NOTO_CJK_JP = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc#0"

# tag, the language in its own words, the region whose week and plural rules it follows, right to
# left, the font of its script (None: the UI font, Inter), its name in English (shown in the list of
# languages until the glyphs of its own name have arrived, where the UI font cannot draw it)
LANGUAGES = [
    ("en", "English", "US", False, None, "English"),
    ("es", "Español", "ES", False, None, "Spanish"),
    ("pt-BR", "Português (Brasil)", "BR", False, None, "Portuguese"),
    ("fr", "Français", "FR", False, None, "French"),
    ("de", "Deutsch", "DE", False, None, "German"),
    ("it", "Italiano", "IT", False, None, "Italian"),
    ("ru", "Русский", "RU", False, None, "Russian"),
    ("pl", "Polski", "PL", False, None, "Polish"),
    ("tr", "Türkçe", "TR", False, None, "Turkish"),
    ("id", "Bahasa Indonesia", "ID", False, None, "Indonesian"),
    ("uk", "Українська", "UA", False, None, "Ukrainian"),
    ("ar", "العربية", "EG", True, NOTO_ARABIC, "Arabic"),
    ("ja", "日本語", "JP", False, NOTO_CJK_JP, "Japanese"),
]

# Languages whose script the device's own font draws where it has one (web/app.js measures and
# draws those characters into the font atlas with the canvas, src/ui/fonts.cpp). Their table leaves
# the script font's outlines out; they go to lang/<tag>-glyphs.bin, which the page fetches and
# appends to the table's fonts only where the device has no font for the script. Japanese: the
# outlines of its 288 characters are 46 KB of gzip, the rest of its file about 11.
DEVICE_DRAWN = {"ja"}

# The functions (and their arguments) whose string literals are English texts to translate.
KEYWORDS = ["Tr", "TrC:1c,2", "TrN:1,2", "N_", "Button", "ToggleButton", "Heading", "Subheading",
            "Banner", "TextMuted", "PageHeader:1"]  # its back label is "Back", a Button elsewhere

# Text that `Intl` puts between numbers and words (no-break spaces): always in the atlas.
ALWAYS = "\u00a0\u202f"


def po_path(tag):
    return os.path.join(HERE, tag + ".po")


def babel_locale(tag, region):
    from babel import Locale
    return Locale.parse(tag.split("-")[0] + "_" + region)


def plural_rule(tag, region):
    """(number of forms, C expression of n) from CLDR, as gettext's Plural-Forms writes them."""
    from babel.plural import to_gettext
    text = to_gettext(babel_locale(tag, region).plural_form)
    count = int(re.search(r"nplurals=(\d+)", text).group(1))
    expression = re.search(r"plural=(.*);\s*$", text).group(1)
    # CLDR's compact exponent (e) is 0 for every count the app shows; gettext knows only n.
    expression = re.sub(r"\be\b", "0", expression)
    return count, expression


def sources():
    found = []
    for folder, _, names in os.walk(os.path.join(ROOT, "src")):
        found += [os.path.join(folder, n) for n in names if n.endswith((".cpp", ".h"))]
    return sorted(os.path.relpath(p, ROOT) for p in found)


def cmd_pot(out):
    args = ["xgettext", "-C", "--from-code=UTF-8", "--no-wrap", "--sort-by-file", "--add-comments=TRANSLATORS:",
            "--package-name=band-circuit", "-o", os.path.abspath(out)]
    args += ["--keyword=" + k for k in KEYWORDS]
    subprocess.run(args + sources(), cwd=ROOT, check=True)
    # xgettext marks only texts with a printf directive as c-format; a text with a plural marks it too.


def cmd_update():
    import polib
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "band-circuit.pot")
        cmd_pot(pot)
        for tag, own, region, *_ in LANGUAGES[1:]:
            path = po_path(tag)
            count, expression = plural_rule(tag, region)
            if not os.path.exists(path):
                po = polib.pofile(pot)
                po.header = "Band Circuit: %s. assets/lang/languages.py writes this file; docs/languages.md" % own
                po.metadata = {"Project-Id-Version": "band-circuit", "Language": tag.replace("-", "_"),
                               "MIME-Version": "1.0", "Content-Type": "text/plain; charset=UTF-8",
                               "Content-Transfer-Encoding": "8bit",
                               "Plural-Forms": "nplurals=%d; plural=%s;" % (count, expression),
                               "PO-Revision-Date": "2026-12-07 00:00+0000", "Last-Translator": "Band Circuit",
                               "Language-Team": own}
                po.metadata_is_fuzzy = False
                for entry in po:
                    if entry.msgid_plural:
                        entry.msgstr_plural = {i: "" for i in range(count)}
                po.save(path)
            else:
                subprocess.run(["msgmerge", "--quiet", "--update", "--backup=none", "--no-wrap", "--no-fuzzy-matching",
                                path, pot], check=True)


def cmd_source(out):
    lines = ["// Generated by assets/lang/languages.py from its LANGUAGES list and CLDR's plural rules",
             "// (Debian's python3-babel): edit those, not this file.",
             '#include "core/wording.h"', "", "namespace core {", "", "namespace {", ""]
    rows = []
    for tag, own, region, rtl, script_font, english in LANGUAGES:
        count, expression = plural_rule(tag, region)
        name = "Plural_" + tag.replace("-", "_")
        lines += ["int %s(long long n)" % name, "{", "    (void)n;", "    return (int)(%s);" % expression, "}", ""]
        first = babel_locale(tag, region).first_week_day  # 0 Monday .. 6 Sunday
        rows.append('    { "%s", "%s", "%s", "%s", %s, %d, %d, %s, %s },' % (
            tag, own, shaped(own, rtl), english, name, count, first, "true" if rtl else "false",
            "true" if script_font else "false"))
    lines += ["const Language Languages[] = {"] + rows + ["};", "", "}  // namespace", "",
              "int LanguageCount()", "{", "    return (int)(sizeof(Languages) / sizeof(Languages[0]));", "}", "",
              "const Language& LanguageAt(int index)", "{", "    return Languages[index];", "}", "",
              "}  // namespace core", ""]
    write_if_changed(out, "\n".join(lines))


def shaped(text, rtl):
    """Arabic letters in the form their place in the word takes (presentation forms, Debian's
    python3-arabic-reshaper), still in reading order: the UI lays them out right to left when it
    draws (src/ui/text_direction.cpp)."""
    if not rtl:
        return text
    import arabic_reshaper
    return arabic_reshaper.reshape(text)


def write_if_changed(path, text):
    if os.path.exists(path) and open(path, encoding="utf-8").read() == text:
        return
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def fnv1a(data):
    h = 2166136261
    for b in data:
        h = ((h ^ b) * 16777619) & 0xFFFFFFFF
    return h


def load_po(tag):
    import polib
    return polib.pofile(po_path(tag))


def translations(po):
    """(key bytes, [forms]) of every translated entry."""
    out = []
    for entry in po.translated_entries():
        key = ((entry.msgctxt + "\x04") if entry.msgctxt else "") + entry.msgid
        if entry.msgid_plural:
            forms = [entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural)]
        else:
            forms = [entry.msgstr]
        out.append((key.encode("utf-8"), [unicodedata.normalize("NFC", f) for f in forms]))
    return out


def parse_ranges(text):
    """"0x0020-0x007E,0x00B0" (or CMake's ';') -> set of code points."""
    points = set()
    for item in re.split(r"[;,]", text):
        if not item:
            continue
        first, _, last = item.partition("-")
        points.update(range(int(first, 16), int(last or first, 16) + 1))
    return points


def language(tag):
    return next(row for row in LANGUAGES if row[0] == tag)


def cut_fonts(points, script_font, ui_font):
    """The glyphs of points from the script's font where it has them, the rest from the UI font."""
    script, ui = cut_script_and_ui(points, script_font, ui_font)
    return script + ui


def cut_script_and_ui(points, script_font, ui_font):
    """([the script font's cut], [the UI font's cut]), each empty when it has no glyph to give."""
    script, rest = [], sorted(points)
    if script_font and rest:
        has = set(open_font(script_font).getBestCmap())
        own = [p for p in rest if p in has]
        rest = [p for p in rest if p not in has]
        if own:
            script.append(subset_font(script_font, own))
    return script, [subset_font(ui_font, rest)] if rest else []


def font_records(fonts):
    """The fonts part of a table: { size:u32, TrueType bytes } each."""
    return b"".join(struct.pack("<I", len(f)) + f for f in fonts)


def write_table(out, tag, table, fonts):
    """The file src/core/wording.cpp reads (its header comment has the layout)."""
    strings = bytearray()
    index = bytearray()
    for h in sorted(table):
        index += struct.pack("<II", h, len(strings))
        strings += table[h]
    font_bytes = font_records(fonts)
    header_size = 28
    strings_offset = header_size + len(index)
    font_offset = strings_offset + len(strings)
    header = b"BCL2" + tag.encode("ascii").ljust(8, b"\0") + struct.pack(
        "<IIII", len(table), strings_offset, font_offset, len(font_bytes))
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "wb") as f:
        f.write(header + index + strings + font_bytes)


def cmd_table(tag, out, ui_font, base_glyphs):
    _, _, _, rtl, script_font, _ = language(tag)
    entries = [(key, [shaped(f, rtl) for f in forms]) for key, forms in translations(load_po(tag))]
    table = {}
    for key, forms in entries:
        h = fnv1a(key)
        if h in table:
            sys.exit("%s: two texts share the hash %08x: %r" % (tag, h, key))
        table[h] = b"".join(f.encode("utf-8") + b"\0" for f in forms)
    used = set(ord(c) for _, forms in entries for f in forms for c in f) | set(map(ord, ALWAYS))
    script, ui = cut_script_and_ui(used - parse_ranges(base_glyphs), script_font, ui_font)
    if tag not in DEVICE_DRAWN:
        write_table(out, tag, table, script + ui)
        return
    # The script's outlines on their own, fonts records only: web/app.js appends them to the
    # table's fonts (the table ends with them) where the device cannot draw the script.
    write_table(out, tag, table, ui)
    with open(glyphs_path(out), "wb") as f:
        f.write(font_records(script))


def glyphs_path(table_path):
    """lang/<tag>-glyphs.bin beside lang/<tag>.bin."""
    root, ext = os.path.splitext(table_path)
    return root + "-glyphs" + ext


def cmd_names(out, ui_font, base_glyphs):
    """lang/names.bin: the glyphs of the languages' own names that the built-in font does not have
    (Arabic, Japanese), for the list of languages in Settings; fetched when Settings opens."""
    base = parse_ranges(base_glyphs)
    fonts = []
    for tag, own, _, rtl, script_font, _ in LANGUAGES:
        points = set(map(ord, shaped(own, rtl))) - base
        if points:
            fonts += cut_fonts(points, script_font, ui_font)
    write_table(out, "names", {}, fonts)


def open_font(source):
    """A font file, or "FILE#N": the Nth font of a collection (.ttc)."""
    from fontTools.ttLib import TTFont
    path, _, number = source.partition("#")
    return TTFont(path, fontNumber=int(number or 0))


def subset_font(source, points):
    sys.path.insert(0, os.path.dirname(HERE))
    import font_to_truetype
    from fontTools import subset
    with tempfile.TemporaryDirectory() as tmp:
        cut = os.path.join(tmp, "cut.otf")
        ttf = os.path.join(tmp, "cut.ttf")
        font = open_font(source)
        options = subset.Options()
        options.layout_features = []
        options.hinting = False
        options.desubroutinize = True
        options.notdef_outline = False
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=points)
        subsetter.subset(font)
        if "glyf" in font:  # TrueType outlines already
            font.save(ttf)
        else:
            font.save(cut)
            font_to_truetype.main(cut, ttf)
        return open(ttf, "rb").read()


PLACEHOLDER = re.compile(r"%(?:(\d+)\$)?[-+ #0]*\d*(?:\.\d+)?(?:ll|l|z|h)?([diouxXfFeEgGcsp%])")


def cmd_bidi_cases(tag, out):
    """Every text of a right-to-left language (each plural form) with numbers put in for its
    placeholders, shaped, and its visual order from Debian's python3-bidi: the native tests hold
    the UI's own ordering (src/core/bidi.cpp) against it."""
    from bidi.algorithm import get_display
    rtl = language(tag)[3]
    cases = []
    for _, forms in translations(load_po(tag)):
        for form in forms:
            text = PLACEHOLDER.sub(lambda m: "%" if m.group(2) == "%" else ("1:30" if m.group(2) == "s" else "12"), form)
            for line in shaped(text, rtl).split("\n"):
                if line.strip():
                    cases.append((line, get_display(line, base_dir="R")))
    def c_string(text):
        return '"' + "".join(c if c.isalnum() and ord(c) < 0x80 else "\\U%08x" % ord(c) for c in text) + '"'
    lines = ["// Generated by assets/lang/languages.py (bidi-cases) from assets/lang/%s.po: each text in reading" % tag,
             "// order and as Debian's python3-bidi orders it for display, right to left.", "#pragma once", "",
             "struct BidiCase", "{", "    const char32_t* Logical;", "    const char32_t* Visual;", "};", "",
             "static const BidiCase BidiCases[] = {"]
    lines += ["    { U%s, U%s }," % (c_string(a), c_string(b)) for a, b in cases]
    lines += ["};", ""]
    write_if_changed(out, "\n".join(lines))


def placeholders(text):
    """The placeholders of a printf format in argument order, positional ones put in place."""
    found, next_index = {}, 1
    for m in PLACEHOLDER.finditer(text):
        if m.group(2) == "%":
            continue
        index = int(m.group(1)) if m.group(1) else next_index
        next_index = index + 1
        found[index] = m.group(2)
    return [found[i] for i in sorted(found)]


def cmd_check(base_glyphs, ui_font):
    """Every language: compiles (msgfmt -c), has every text of src/ translated, keeps each text's
    placeholders, and every character it uses (Arabic as shaped) is in the built-in font, the UI
    font or its script's font."""
    problems = []
    ui_points = set(open_font(ui_font).getBestCmap()) if ui_font else None
    base = parse_ranges(base_glyphs) if base_glyphs else None
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "band-circuit.pot")
        cmd_pot(pot)
        import polib
        keys = {((e.msgctxt + "\x04") if e.msgctxt else "") + e.msgid: e for e in polib.pofile(pot)}
        for tag, own, _, rtl, script_font, _ in LANGUAGES[1:]:
            font_points = None
            if ui_points is not None:
                font_points = ui_points | (set(open_font(script_font).getBestCmap()) if script_font else set())
            path = po_path(tag)
            if not os.path.exists(path):
                problems.append("%s: no %s" % (tag, os.path.relpath(path, ROOT)))
                continue
            run = subprocess.run(["msgfmt", "-c", "-o", os.devnull, path], capture_output=True, text=True)
            if run.returncode != 0:
                problems.append("%s: msgfmt -c: %s" % (tag, run.stderr.strip()))
            po = load_po(tag)
            done = {((e.msgctxt + "\x04") if e.msgctxt else "") + e.msgid: e for e in po.translated_entries()}
            missing = [k for k in keys if k not in done]
            if missing:
                problems.append("%s: %d texts not translated, first %r" % (tag, len(missing), missing[0]))
            # English left in: a few words are the same in both (names, "Pause", "Start"), more is a
            # copy nobody translated.
            same = [k for k, e in done.items() if k in keys and not e.msgid_plural and e.msgstr == e.msgid
                    and re.search(r"[A-Za-z]{3,}", e.msgid)]
            if len(same) > 0.05 * len(keys):
                problems.append("%s: %d texts are the English, e.g. %r" % (tag, len(same), same[:5]))
            for key, entry in done.items():
                english = keys.get(key)
                if english is None:
                    continue
                forms = [entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural)] if entry.msgid_plural else [entry.msgstr]
                wanted = placeholders(english.msgid)
                wanted_plural = placeholders(english.msgid_plural) if english.msgid_plural else wanted
                for form in forms:
                    got = placeholders(form)
                    # A plural form may leave the count out ("one" in some languages says it in words).
                    if got != wanted and got != wanted_plural and not (english.msgid_plural and got == wanted_plural[1:]):
                        problems.append("%s: %r keeps the placeholders %s, not %s" % (tag, form, got, wanted_plural))
                    if font_points is not None:
                        for c in shaped(unicodedata.normalize("NFC", form), rtl):
                            if ord(c) not in font_points and ord(c) not in (base or ()):
                                problems.append("%s: %r uses %r (U+%04X), which no font has" % (tag, form, c, ord(c)))
            if base is not None and font_points is not None:
                for c in shaped(own, rtl):
                    if ord(c) not in base and ord(c) not in font_points:
                        problems.append("%s: no font has U+%04X of its own name %r" % (tag, ord(c), own))
    for p in problems:
        print(p)
    print("%d languages checked, %d problems" % (len(LANGUAGES) - 1, len(problems)))
    return 1 if problems else 0


def main(argv):
    command = argv[1] if len(argv) > 1 else ""
    if command == "pot" and len(argv) == 3:
        cmd_pot(argv[2])
    elif command == "update" and len(argv) == 2:
        cmd_update()
    elif command == "source" and len(argv) == 3:
        cmd_source(argv[2])
    elif command == "table" and len(argv) == 6:
        cmd_table(argv[2], argv[3], argv[4], argv[5])
    elif command == "names" and len(argv) == 5:
        cmd_names(argv[2], argv[3], argv[4])
    elif command == "bidi-cases" and len(argv) == 4:
        cmd_bidi_cases(argv[2], argv[3])
    elif command == "tags" and len(argv) == 2:
        print(";".join(row[0] for row in LANGUAGES[1:]))
    elif command == "device-tags" and len(argv) == 2:
        print(";".join(row[0] for row in LANGUAGES[1:] if row[0] in DEVICE_DRAWN))
    elif command == "check" and len(argv) in (2, 4):
        return cmd_check(argv[2] if len(argv) == 4 else None, argv[3] if len(argv) == 4 else None)
    else:
        sys.exit(__doc__ if __doc__ else open(__file__).read().split("\nimport")[0])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
