// The active language's table and the lookups that read it. The table is one file made by
// assets/lang/languages.py from a .po file, little-endian:
//
//   "BCL2"  tag[8] (NUL-padded)  count:u32  strings_offset:u32  font_offset:u32  font_size:u32
//   count x { hash:u32, offset:u32 }   sorted by hash; offset into the strings
//   strings: UTF-8, each NUL-terminated; a plural entry holds its forms one after the other
//            (Arabic already shaped: presentation forms, in reading order)
//   fonts:   font_size bytes of { size:u32, TrueType bytes }: the language's glyphs beyond the
//            built-in font, from its script's font first, then from the UI font; possibly none
//
// lang/names.bin has the same layout, the tag "names" and no strings: the glyphs of the
// languages' own names that the built-in font does not have.
//
// The hash is FNV-1a (32 bit) of the English text, or of "context\x04English" for TrC();
// languages.py refuses two keys with one hash.
#include "core/wording.h"

#include <cstdio>
#include <cstring>

namespace core {

namespace {

constexpr size_t HeaderSize = 28;
constexpr size_t EntrySize = 8;

struct Table
{
    std::string Bytes;  // the whole file; the lookups point into it
    const Language* Lang = nullptr;
    uint32_t Count = 0;
    uint32_t StringsOffset = 0;
    uint32_t FontOffset = 0;
    uint32_t FontSize = 0;
    std::vector<std::string_view> Fonts;  // into Bytes
};

Table g_Table;  // Lang == nullptr: English
Table g_Names;  // the glyphs of the languages' own names, once they have arrived
int g_Generation = 0;

uint32_t ReadU32(const std::string& bytes, size_t at)
{
    const auto* p = (const unsigned char*)bytes.data() + at;
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

uint32_t Fnv1a(const char* context, const char* text)
{
    uint32_t hash = 2166136261u;
    auto add = [&hash](const char* s) {
        for (; *s; s++)
            hash = (hash ^ (unsigned char)*s) * 16777619u;
    };
    if (context)
    {
        add(context);
        hash = (hash ^ 4u) * 16777619u;
    }
    add(text);
    return hash;
}

// The entry's first string, or nullptr when the table has no entry for this key.
const char* Find(const char* context, const char* english)
{
    if (!g_Table.Lang || g_Table.Count == 0)
        return nullptr;
    const uint32_t hash = Fnv1a(context, english);
    uint32_t lo = 0, hi = g_Table.Count;
    while (lo < hi)
    {
        const uint32_t mid = (lo + hi) / 2;
        const uint32_t h = ReadU32(g_Table.Bytes, HeaderSize + mid * EntrySize);
        if (h < hash)
            lo = mid + 1;
        else if (h > hash)
            hi = mid;
        else
            return g_Table.Bytes.data() + g_Table.StringsOffset + ReadU32(g_Table.Bytes, HeaderSize + mid * EntrySize + 4);
    }
    return nullptr;
}

bool SameTag(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); i++)
    {
        char x = a[i] == '_' ? '-' : a[i], y = b[i] == '_' ? '-' : b[i];
        if (x >= 'A' && x <= 'Z')
            x = (char)(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = (char)(y - 'A' + 'a');
        if (x != y)
            return false;
    }
    return true;
}

std::string_view PrimarySubtag(std::string_view tag)
{
    const size_t end = tag.find_first_of("-_");
    return end == std::string_view::npos ? tag : tag.substr(0, end);
}

// Checks a table file for the tag and takes it; the reason when it is not one.
const char* ReadTable(std::string bytes, const char* tag, Table& table)
{
    if (bytes.size() < HeaderSize || memcmp(bytes.data(), "BCL2", 4) != 0)
        return "not a language table";
    char file_tag[9] = {};
    memcpy(file_tag, bytes.data() + 4, 8);
    if (!SameTag(file_tag, tag))
        return "the table is for another language";
    table.Count = ReadU32(bytes, 12);
    table.StringsOffset = ReadU32(bytes, 16);
    table.FontOffset = ReadU32(bytes, 20);
    table.FontSize = ReadU32(bytes, 24);
    const uint64_t size = bytes.size();
    if ((uint64_t)HeaderSize + (uint64_t)table.Count * EntrySize > table.StringsOffset || table.StringsOffset > size ||
        table.FontOffset < table.StringsOffset || (uint64_t)table.FontOffset + table.FontSize > size)
        return "the table is cut short or damaged";
    // The strings end before the fonts, and the last one is terminated: no lookup can read past it.
    if (table.FontOffset > table.StringsOffset && bytes[table.FontOffset - 1] != '\0')
        return "the table is cut short or damaged";
    for (uint32_t i = 0; i < table.Count; i++)
    {
        if (table.StringsOffset + (uint64_t)ReadU32(bytes, HeaderSize + i * EntrySize + 4) >= table.FontOffset)
            return "the table is cut short or damaged";
        if (i > 0 && ReadU32(bytes, HeaderSize + (i - 1) * EntrySize) >= ReadU32(bytes, HeaderSize + i * EntrySize))
            return "the table is not sorted";
    }
    table.Bytes = std::move(bytes);
    for (uint64_t at = table.FontOffset, end = (uint64_t)table.FontOffset + table.FontSize; at < end;)
    {
        const uint64_t font_size = at + 4 <= end ? ReadU32(table.Bytes, (size_t)at) : end;
        if (font_size == 0 || at + 4 + font_size > end)
            return "the table is cut short or damaged";
        table.Fonts.emplace_back(table.Bytes.data() + at + 4, (size_t)font_size);
        at += 4 + font_size;
    }
    return nullptr;
}

}  // namespace

const char* TrC(const char* context, const char* english)
{
    const char* text = Find(context, english);
    return text && *text ? text : english;
}

const char* Tr(const char* english)
{
    return TrC(nullptr, english);
}

const char* TrN(const char* singular, const char* plural, long long n)
{
    const char* forms = Find(nullptr, singular);
    if (!forms || !*forms)
        return n == 1 ? singular : plural;
    const Language& lang = *g_Table.Lang;
    int index = lang.PluralIndex(n);
    if (index < 0 || index >= lang.PluralCount)
        index = lang.PluralCount - 1;
    const char* end = g_Table.Bytes.data() + g_Table.Bytes.size();
    const char* form = forms;
    for (int i = 0; i < index && form < end; i++)
        form += strlen(form) + 1;
    return form < end && *form ? form : forms;
}

std::string FormatV(const char* format, va_list args)
{
    char small[256];
    va_list copy;
    va_copy(copy, args);
    const int length = vsnprintf(small, sizeof(small), format, copy);
    va_end(copy);
    if (length < 0)
        return std::string();
    if ((size_t)length < sizeof(small))
        return std::string(small, (size_t)length);
    std::string out((size_t)length + 1, '\0');
    vsnprintf(out.data(), out.size(), format, args);
    out.resize((size_t)length);
    return out;
}

std::string Format(const char* format, ...)
{
    va_list args;
    va_start(args, format);
    std::string out = FormatV(format, args);
    va_end(args);
    return out;
}

const Language* FindLanguage(std::string_view tag)
{
    for (int i = 0; i < LanguageCount(); i++)
        if (SameTag(LanguageAt(i).Tag, tag))
            return &LanguageAt(i);
    return nullptr;
}

const Language& MatchLanguage(const std::vector<std::string>& wanted)
{
    for (const std::string& tag : wanted)
    {
        if (const Language* exact = FindLanguage(tag))
            return *exact;
        const std::string_view primary = PrimarySubtag(tag);
        for (int i = 0; i < LanguageCount(); i++)
            if (SameTag(PrimarySubtag(LanguageAt(i).Tag), primary))
                return LanguageAt(i);
    }
    return LanguageAt(0);
}

const Language& ActiveLanguage()
{
    return g_Table.Lang ? *g_Table.Lang : LanguageAt(0);
}

bool UseLanguage(std::string_view tag, std::string bytes, std::string* error)
{
    const Language* lang = FindLanguage(tag);
    auto fail = [error](const char* why) {
        if (error)
            *error = why;
        return false;
    };
    if (!lang)
        return fail("not a language of this app");
    if (lang == &LanguageAt(0))
    {
        UseEnglish();
        return true;
    }
    Table table;
    if (const char* why = ReadTable(std::move(bytes), lang->Tag, table))
        return fail(why);
    table.Lang = lang;
    g_Table = std::move(table);
    g_Generation++;
    return true;
}

void UseEnglish()
{
    g_Table = Table();
    g_Generation++;
}

int LanguageGeneration()
{
    return g_Generation;
}

const std::vector<std::string_view>& LanguageFonts()
{
    return g_Table.Fonts;
}

bool UseNameGlyphs(std::string bytes, std::string* error)
{
    Table names;
    if (const char* why = ReadTable(std::move(bytes), "names", names))
    {
        if (error)
            *error = why;
        return false;
    }
    g_Names = std::move(names);
    g_Generation++;
    return true;
}

const std::vector<std::string_view>& NameFonts()
{
    return g_Names.Fonts;
}

void ForEachTranslation(void (*visit)(const char* text, void* user), void* user)
{
    if (!g_Table.Lang)
        return;
    const char* p = g_Table.Bytes.data() + g_Table.StringsOffset;
    const char* end = g_Table.Bytes.data() + g_Table.FontOffset;
    while (p < end)
    {
        visit(p, user);
        p += strlen(p) + 1;
    }
}

}  // namespace core
