// Every word the app shows or speaks goes through here. The English text is the key (gettext's
// msgid), written where it is used and marked with one of the functions below, so that
// `xgettext` finds it (assets/lang/languages.py lists the keywords). English is built in; another
// language is a table compiled from its assets/lang/<tag>.po, loaded when the runner picks it or
// the browser asks for it. A text the table lacks stays English, never empty.
//
// Formats keep printf's placeholders. A translation may reorder them with positional ones
// ("%2$s … %1$d"), which the C library's snprintf understands; assets/lang/languages.py checks
// that every translation keeps the same placeholders as its English.
#pragma once

#include <cstdarg>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace core {

// --- Marking and translating
const char* Tr(const char* english);                                     // a text
const char* TrC(const char* context, const char* english);               // a text whose English is ambiguous ("direction", "Back")
const char* TrN(const char* singular, const char* plural, long long n);  // a text that depends on a count: "%d rep" / "%d reps"
constexpr const char* N_(const char* english) { return english; }        // marks a text kept as data (the catalogue), translated where it is shown with Tr()
std::string Format(const char* format, ...);                             // snprintf into a string (formats from Tr/TrN)
std::string FormatV(const char* format, va_list args);

// --- The languages the app speaks (generated from assets/lang/*.po: languages.py)
struct Language
{
    const char* Tag;                  // BCP 47: "en", "pt-BR"
    const char* OwnName;              // the language in its own words: "Deutsch"
    const char* ShownName;            // the same as drawn (Arabic shaped: presentation forms, in reading order)
    const char* EnglishName;          // shown instead where its own name's glyphs have not arrived (lang/names.bin)
    int (*PluralIndex)(long long n);  // which of the .po's plural forms a count takes (CLDR's rules)
    int PluralCount;                  // how many forms
    int FirstWeekday;                 // the first day of its usual week when the browser does not say: 0 Monday .. 6 Sunday
    bool RightToLeft;                 // written right to left
    bool NumericDates;                // dates in numbers only: its letters come with its file, not those of Intl's day and month names
};
int LanguageCount();
const Language& LanguageAt(int index);
const Language* FindLanguage(std::string_view tag);  // exact tag, case-insensitive, '_' read as '-'; nullptr when not spoken
// The best language for a browser's list (navigator.languages, most wanted first): for each tag,
// an exact match, then one on its primary subtag ("de-AT" -> "de", "pt" -> "pt-BR"); then English.
const Language& MatchLanguage(const std::vector<std::string>& wanted);

// --- The active language
const Language& ActiveLanguage();
// Makes the compiled table (a lang/<tag>.bin file: languages.py) the active language; English
// needs none. False, with a reason, when the bytes are not a table for that language: the
// active language then stays as it was.
bool UseLanguage(std::string_view tag, std::string bytes, std::string* error);
void UseEnglish();
int LanguageGeneration();  // moves on every UseLanguage/UseEnglish: the UI rebuilds its fonts when it does
// The glyph fonts that come with the active language (TrueType, the characters beyond the
// built-in font: its script's font, then the UI font): none for English.
const std::vector<std::string_view>& LanguageFonts();
// The glyphs of the languages' own names beyond the built-in font (lang/names.bin), for the list
// of languages: false, with a reason, when the bytes are not that file.
bool UseNameGlyphs(std::string bytes, std::string* error);
const std::vector<std::string_view>& NameFonts();  // none until they arrive
// Every text of the active language's table, for building its glyph ranges.
void ForEachTranslation(void (*visit)(const char* text, void* user), void* user);

}  // namespace core
