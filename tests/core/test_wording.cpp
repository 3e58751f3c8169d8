// The wording module: plural rules against CLDR's own examples, the choice of language from a
// browser's list, and the compiled language tables (each one loads, speaks its language, and a
// damaged one is refused without changing the active language).
#include <catch2/catch_test_macros.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/wording.h"

using namespace core;

static int Plural(const char* tag, long long n)
{
    const Language* lang = FindLanguage(tag);
    REQUIRE(lang != nullptr);
    return lang->PluralIndex(n);
}

static std::string ReadTable(const std::string& tag)
{
    std::ifstream file(std::string(LANGUAGE_TABLES_DIR) + "/" + tag + ".bin", std::ios::binary);
    std::stringstream bytes;
    bytes << file.rdbuf();
    return bytes.str();
}

TEST_CASE("plural forms follow CLDR's examples for each language", "[wording]")
{
    // The .po's forms are CLDR's categories in the order zero, one, two, few, many, other, keeping
    // those the language has: ru/uk one, few, many, other; pl the same; es/fr/it/pt one, many, other.
    struct Example
    {
        const char* Tag;
        long long N;
        int Form;
    };
    const Example examples[] = {
        { "en", 1, 0 },
        { "en", 0, 1 },
        { "en", 2, 1 },
        { "en", 11, 1 },
        { "de", 1, 0 },
        { "de", 2, 1 },
        { "ru", 1, 0 },
        { "ru", 21, 0 },
        { "ru", 101, 0 },
        { "ru", 2, 1 },
        { "ru", 24, 1 },
        { "ru", 5, 2 },
        { "ru", 11, 2 },
        { "ru", 12, 2 },
        { "ru", 0, 2 },
        { "ru", 111, 2 },
        { "uk", 22, 1 },
        { "uk", 25, 2 },
        { "pl", 1, 0 },
        { "pl", 2, 1 },
        { "pl", 22, 1 },
        { "pl", 5, 2 },
        { "pl", 12, 2 },
        { "pl", 21, 2 },
        { "pl", 0, 2 },
        { "fr", 0, 0 },
        { "fr", 1, 0 },
        { "fr", 2, 2 },
        { "fr", 1000000, 1 },
        { "es", 1, 0 },
        { "es", 0, 2 },
        { "es", 2, 2 },
        { "it", 1, 0 },
        { "it", 2, 2 },
        { "pt-BR", 0, 0 },
        { "pt-BR", 1, 0 },
        { "pt-BR", 2, 2 },
        { "tr", 1, 0 },
        { "tr", 2, 1 },
        { "id", 1, 0 },
        { "id", 7, 0 },
    };
    for (const Example& e : examples)
    {
        INFO(e.Tag << " " << e.N);
        CHECK(Plural(e.Tag, e.N) == e.Form);
    }
    for (int i = 0; i < LanguageCount(); i++)
        for (long long n = 0; n < 300; n++)
        {
            const int form = LanguageAt(i).PluralIndex(n);
            CHECK((form >= 0 && form < LanguageAt(i).PluralCount));
        }
}

TEST_CASE("the language is the browser's first one the app speaks, by exact tag then primary subtag", "[wording]")
{
    CHECK(std::string(MatchLanguage({ "de-AT", "en" }).Tag) == "de");
    CHECK(std::string(MatchLanguage({ "pt" }).Tag) == "pt-BR");
    CHECK(std::string(MatchLanguage({ "pt-PT" }).Tag) == "pt-BR");
    CHECK(std::string(MatchLanguage({ "pt_br" }).Tag) == "pt-BR");
    CHECK(std::string(MatchLanguage({ "xx-YY", "fr-CA", "de" }).Tag) == "fr");
    CHECK(std::string(MatchLanguage({ "en-GB", "de" }).Tag) == "en");
    CHECK(std::string(MatchLanguage({ "nl", "sv" }).Tag) == "en");  // none spoken: English
    CHECK(std::string(MatchLanguage({}).Tag) == "en");
    CHECK(FindLanguage("klingon") == nullptr);
    CHECK(std::string(LanguageAt(0).Tag) == "en");
}

TEST_CASE("each language's table loads and speaks that language", "[wording]")
{
    for (int i = 1; i < LanguageCount(); i++)
    {
        const Language& lang = LanguageAt(i);
        INFO(lang.Tag);
        std::string error;
        REQUIRE(UseLanguage(lang.Tag, ReadTable(lang.Tag), &error));
        CHECK(error.empty());
        CHECK(&ActiveLanguage() == &lang);
        CHECK(std::string(Tr("History")) != "History");
        CHECK(std::string(Tr("Settings")) != "Settings");
        CHECK(std::string(Tr("Circuit complete. Well done.")) != "Circuit complete. Well done.");
        CHECK(std::string(Tr("a text no language has")) == "a text no language has");  // English, never blank
        int texts = 0;
        ForEachTranslation([](const char*, void* user) { ++*(int*)user; }, &texts);
        CHECK(texts > 100);
    }
    UseEnglish();
    CHECK(std::string(Tr("Start")) == "Start");
    CHECK(LanguageFonts().empty());
}

TEST_CASE("a count takes the language's own plural form", "[wording]")
{
    std::string error;
    REQUIRE(UseLanguage("ru", ReadTable("ru"), &error));
    const char* one_en = "Backed up %d session to %s in your downloads.";
    const char* other_en = "Backed up %d sessions to %s in your downloads.";
    const std::string one = TrN(one_en, other_en, 1), few = TrN(one_en, other_en, 3), many = TrN(one_en, other_en, 5);
    CHECK(one != few);  // Russian: 1 тренировка, 3 тренировки, 5 тренировок
    CHECK(few != many);
    CHECK(std::string(TrN(one_en, other_en, 21)) == one);
    CHECK(std::string(TrN(one_en, other_en, 11)) == many);
    CHECK(one.find("Backed up") == std::string::npos);
    UseEnglish();
    CHECK(Format(TrN(one_en, other_en, 1), 1, "a.json") == "Backed up 1 session to a.json in your downloads.");
    CHECK(Format(TrN(one_en, other_en, 12), 12, "a.json") == "Backed up 12 sessions to a.json in your downloads.");
}

TEST_CASE("a damaged or foreign table is refused and the language stays as it was", "[wording]")
{
    std::string error;
    const std::string german = ReadTable("de");
    REQUIRE(UseLanguage("de", german, &error));
    const std::string start = Tr("Start");

    CHECK_FALSE(UseLanguage("fr", german, &error));  // German bytes for French
    CHECK_FALSE(error.empty());
    CHECK_FALSE(UseLanguage("de", "<!doctype html><html>offline</html>", &error));  // a host's error page
    CHECK_FALSE(UseLanguage("de", german.substr(0, german.size() / 3), &error));    // cut short
    CHECK_FALSE(UseLanguage("de", std::string(), &error));
    CHECK_FALSE(UseLanguage("xx", german, &error));
    CHECK(std::string(ActiveLanguage().Tag) == "de");
    CHECK(Tr("Start") == start);
    UseEnglish();
}

TEST_CASE("a table's fonts are read whole, and a font that runs past the end is refused", "[wording]")
{
    std::string error;
    std::string german = ReadTable("de");
    REQUIRE(UseLanguage("de", german, &error));
    REQUIRE(LanguageFonts().size() == 1);                                       // the letters beyond the built-in font, from Inter
    CHECK(LanguageFonts()[0].substr(0, 4) == std::string_view("\0\1\0\0", 4));  // TrueType
    REQUIRE(UseLanguage("ja", ReadTable("ja"), &error));
    REQUIRE(LanguageFonts().size() == 1);  // Inter's letters only: the device's font draws the CJK characters
    const size_t font_offset = (unsigned char)german[20] | (unsigned char)german[21] << 8 | (unsigned char)german[22] << 16;
    german[font_offset + 2] = '\x7f';  // the first font's size, now far past the end
    CHECK_FALSE(UseLanguage("de", german, &error));
    CHECK(std::string(ActiveLanguage().Tag) == "ja");
    UseEnglish();
}

// lang/ja-glyphs.bin appended to lang/ja.bin's fonts, as web/app.js does (withFonts) on a device
// without a Japanese font: the table ends with its fonts, and the u32 at byte 24 counts them.
static std::string WithFonts(std::string table, const std::string& glyphs)
{
    uint32_t font_size = 0;
    for (int i = 3; i >= 0; i--)
        font_size = font_size << 8 | (unsigned char)table[24 + i];
    font_size += (uint32_t)glyphs.size();
    for (int i = 0; i < 4; i++)
        table[24 + i] = (char)(font_size >> (8 * i));
    return table + glyphs;
}

TEST_CASE("Japanese's outlines come apart, and appended to its table they are one more font", "[wording]")
{
    std::string error;
    const std::string table = ReadTable("ja"), glyphs = ReadTable("ja-glyphs");
    REQUIRE(UseLanguage("ja", table, &error));
    const std::string start = Tr("Start");
    REQUIRE(LanguageFonts().size() == 1);
    REQUIRE(glyphs.size() > 4);
    REQUIRE(UseLanguage("ja", WithFonts(table, glyphs), &error));
    REQUIRE(LanguageFonts().size() == 2);                                       // Inter's letters, then Noto Sans CJK JP's
    CHECK(LanguageFonts()[1].substr(0, 4) == std::string_view("\0\1\0\0", 4));  // TrueType
    CHECK(Tr("Start") == start);
    CHECK_FALSE(UseLanguage("ja", WithFonts(table, glyphs.substr(0, glyphs.size() - 1)), &error));  // cut short
    UseEnglish();
}

TEST_CASE("the glyphs of the languages' own names come in their own file", "[wording]")
{
    std::string error;
    CHECK(NameFonts().empty());
    CHECK_FALSE(UseNameGlyphs(ReadTable("de"), &error));  // a language's table is not it
    CHECK(NameFonts().empty());
    REQUIRE(UseNameGlyphs(ReadTable("names"), &error));
    CHECK(NameFonts().size() == 2);  // Arabic, from Noto Sans Arabic; Japanese, from Noto Sans CJK JP
    const Language* arabic = FindLanguage("ar");
    REQUIRE(arabic);
    CHECK(arabic->RightToLeft);
    CHECK(std::string(arabic->ShownName) != arabic->OwnName);  // shaped: presentation forms
    CHECK(std::string(FindLanguage("de")->ShownName) == "Deutsch");
}

TEST_CASE("Format takes positional placeholders, so a translation may reorder them", "[wording]")
{
    CHECK(Format("%2$s %1$d", 3, "Runde") == "Runde 3");
    CHECK(Format("%d of %d", 1, 3) == "1 of 3");
    const std::string long_text(600, 'x');
    CHECK(Format("%s!", long_text.c_str()) == long_text + "!");
}
