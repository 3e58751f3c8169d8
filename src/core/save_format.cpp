// Reading and writing the save format. Reading is strict on purpose: what the app cannot read
// fully it reports and leaves untouched, rather than half-loading and later overwriting it. Index:
// [SECTION] Reading helpers: typed, range-checked member access with readable errors
// [SECTION] Settings (with the version 0 migration)
// [SECTION] Session in progress
// [SECTION] History and its export file
// [SECTION] Limits, salvage, merges between pages
#include "core/save_format.h"

#include "core/wording.h"

#include <algorithm>
#include <cstdio>

#include "core/json_writer.h"
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/stringbuffer.h>

namespace core {

using JsonValue = rapidjson::Value;

// --- [SECTION] Reading helpers ------------------------------------------------------------------

// Every helper returns false after storing the first error in `error`; callers just return false.
static bool Fail(std::string& error, const std::string& message)
{
    if (error.empty())
        error = message;
    return false;
}

// The messages are for a person, in the active language: where the problem is (`what`: "history
// file", then a field or a session within it), a colon, what is wrong. The keys and values of the
// file stay as the file spells them.
static std::string At(const std::string& what, const std::string& detail)
{
    // TRANSLATORS: a message about a saved or imported file: where in it (%1$s: "history file: session 3"), then what is wrong (%2$s)
    return Format(Tr("%s: %s"), what.c_str(), detail.c_str());
}

static bool Fail(std::string& error, const std::string& what, const std::string& detail)
{
    return Fail(error, At(what, detail));
}

static std::string Quote(const char* key)
{
    return std::string("\"") + key + "\"";
}

// A field within `what`, as a place: "settings: \"cues\"".
static std::string Within(const std::string& what, const char* key)
{
    return At(what, Quote(key));
}

// rapidjson's GetParseError_En(), word for word, translated.
static const char* ParseErrorText(rapidjson::ParseErrorCode code)
{
    // TRANSLATORS: the JSON reader's messages, after "not valid JSON (" and before " at byte 12)"
    switch (code)
    {
    case rapidjson::kParseErrorNone: return Tr("No error.");
    case rapidjson::kParseErrorDocumentEmpty: return Tr("The document is empty.");
    case rapidjson::kParseErrorDocumentRootNotSingular: return Tr("The document root must not be followed by other values.");
    case rapidjson::kParseErrorValueInvalid: return Tr("Invalid value.");
    case rapidjson::kParseErrorObjectMissName: return Tr("Missing a name for object member.");
    case rapidjson::kParseErrorObjectMissColon: return Tr("Missing a colon after a name of object member.");
    case rapidjson::kParseErrorObjectMissCommaOrCurlyBracket: return Tr("Missing a comma or '}' after an object member.");
    case rapidjson::kParseErrorArrayMissCommaOrSquareBracket: return Tr("Missing a comma or ']' after an array element.");
    case rapidjson::kParseErrorStringUnicodeEscapeInvalidHex: return Tr("Incorrect hex digit after \\u escape in string.");
    case rapidjson::kParseErrorStringUnicodeSurrogateInvalid: return Tr("The surrogate pair in string is invalid.");
    case rapidjson::kParseErrorStringEscapeInvalid: return Tr("Invalid escape character in string.");
    case rapidjson::kParseErrorStringMissQuotationMark: return Tr("Missing a closing quotation mark in string.");
    case rapidjson::kParseErrorStringInvalidEncoding: return Tr("Invalid encoding in string.");
    case rapidjson::kParseErrorNumberTooBig: return Tr("Number too big to be stored in double.");
    case rapidjson::kParseErrorNumberMissFraction: return Tr("Miss fraction part in number.");
    case rapidjson::kParseErrorNumberMissExponent: return Tr("Miss exponent in number.");
    case rapidjson::kParseErrorTermination: return Tr("Terminate parsing due to Handler error.");
    case rapidjson::kParseErrorUnspecificSyntaxError: return Tr("Unspecific syntax error.");
    default: return Tr("Unknown error.");
    }
}

// The shape every file of ours keeps within: a first pass over the text (no tree is built) stops
// anything deeper or with more values before the tree is built, so a hostile 2 MB file (a million
// numbers, or a million "[") costs no more memory than a real history does.
constexpr int MaxJsonDepth = 8;                         // history > sessions > session > reps > exercise is 5
constexpr int MaxJsonValues = 60 * MaxHistorySessions;  // a session is about 45 values and keys

enum class JsonShape
{
    Fits,
    TooDeep,
    TooMany
};

// Depth and number of values (keys included) of a JSON text, counted without parsing it: strings
// are skipped whole with their escapes, and a run of number or literal characters is one value.
// Text that is not JSON is the parser's to refuse; this only keeps a huge or deep one from it.
static JsonShape MeasureShape(std::string_view json)
{
    int depth = 0, values = 0;
    bool in_scalar = false;
    for (size_t i = 0; i < json.size(); i++)
    {
        const char c = json[i];
        const bool scalar_char = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '+' || c == '.';
        if (scalar_char && !in_scalar)
            values++;
        in_scalar = scalar_char;
        if (c == '"')
        {
            values++;
            for (i++; i < json.size() && json[i] != '"'; i++)
                if (json[i] == '\\')
                    i++;
        }
        else if (c == '{' || c == '[')
        {
            values++;
            if (++depth > MaxJsonDepth)
                return JsonShape::TooDeep;
        }
        else if (c == '}' || c == ']')
            depth--;
        if (values > MaxJsonValues)
            return JsonShape::TooMany;
    }
    return JsonShape::Fits;
}

// Every parse validates UTF-8 and runs the iterative parser (deep nesting costs heap, not stack),
// with one set of flags, so the wasm holds one copy of rapidjson's parser.
constexpr unsigned ParseFlags = rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag;

// A list at the top is allowed where a server answers with one (CouchDB's _bulk_docs); files of ours are objects.
static bool ParseJson(std::string_view json, rapidjson::Document& doc, const char* what, std::string& error, bool list_allowed = false)
{
    if (json.empty())
        return Fail(error, what, Tr("the stored text is empty"));
    if (json.size() > MaxSaveInputBytes)
        return Fail(error, what, Format(Tr("the stored text is too large (%llu bytes, the limit is %llu)"), (unsigned long long)json.size(), (unsigned long long)MaxSaveInputBytes));
    // rapidjson stops at a NUL byte as if the text ended there; JSON text never contains one.
    if (json.find('\0') != std::string_view::npos)
        return Fail(error, what, Format(Tr("not valid JSON (a NUL byte at byte %llu)"), (unsigned long long)json.find('\0')));
    switch (MeasureShape(json))
    {
    case JsonShape::TooDeep: return Fail(error, what, Format(Tr("not a file of ours (nested deeper than %d levels)"), MaxJsonDepth));
    case JsonShape::TooMany: return Fail(error, what, Format(Tr("not a file of ours (more than %d values)"), MaxJsonValues));
    case JsonShape::Fits: break;
    }
    doc.Parse<ParseFlags>(json.data(), json.size());
    if (doc.HasParseError())
        // TRANSLATORS: %s is the JSON reader's message ("Invalid value."), %llu where in the text
        return Fail(error, what, Format(Tr("not valid JSON (%s at byte %llu)"), ParseErrorText(doc.GetParseError()), (unsigned long long)doc.GetErrorOffset()));
    if (!doc.IsObject() && !(list_allowed && doc.IsArray()))
        return Fail(error, what, Tr("expected a JSON object"));
    return true;
}

// Every member must be one of `allowed`, each at most once.
static bool CheckKeys(const JsonValue& object, const char* const* allowed, int allowed_count, const std::string& what, std::string& error)
{
    std::vector<bool> seen(allowed_count, false);
    for (auto it = object.MemberBegin(); it != object.MemberEnd(); ++it)
    {
        const std::string_view name(it->name.GetString(), it->name.GetStringLength());
        int found = -1;
        for (int i = 0; i < allowed_count; i++)
            if (name == allowed[i])
                found = i;
        if (found < 0)
            return Fail(error, what, Format(Tr("unknown field \"%s\""), std::string(name.substr(0, 40)).c_str()));
        if (seen[found])
            return Fail(error, what, Format(Tr("field \"%s\" appears twice"), allowed[found]));
        seen[found] = true;
    }
    return true;
}

static const JsonValue* Require(const JsonValue& object, const char* key, const std::string& what, std::string& error)
{
    auto it = object.FindMember(key);
    if (it == object.MemberEnd())
    {
        Fail(error, what, Format(Tr("\"%s\" is missing"), key));
        return nullptr;
    }
    return &it->value;
}

static bool ReadInt64(const JsonValue& object, const char* key, int64_t min_value, int64_t max_value, int64_t* out,
                      const std::string& what, std::string& error)
{
    const JsonValue* value = Require(object, key, what, error);
    if (!value)
        return false;
    if (!value->IsInt64() || value->GetInt64() < min_value || value->GetInt64() > max_value)
        return Fail(error, what, Format(Tr("\"%s\" must be a whole number from %lld to %lld"), key, (long long)min_value, (long long)max_value));
    *out = value->GetInt64();
    return true;
}

static bool ReadInt(const JsonValue& object, const char* key, int min_value, int max_value, int* out,
                    const std::string& what, std::string& error)
{
    int64_t value = 0;
    if (!ReadInt64(object, key, min_value, max_value, &value, what, error))
        return false;
    *out = (int)value;
    return true;
}

static bool ReadBool(const JsonValue& object, const char* key, bool* out, const std::string& what, std::string& error)
{
    const JsonValue* value = Require(object, key, what, error);
    if (!value)
        return false;
    if (!value->IsBool())
        return Fail(error, what, Format(Tr("\"%s\" must be true or false"), key));
    *out = value->GetBool();
    return true;
}

static bool ReadString(const JsonValue& object, const char* key, size_t max_length, std::string* out,
                       const std::string& what, std::string& error)
{
    const JsonValue* value = Require(object, key, what, error);
    if (!value)
        return false;
    if (!value->IsString() || value->GetStringLength() > max_length)
        return Fail(error, what, Format(Tr("\"%s\" must be text of at most %llu characters"), key, (unsigned long long)max_length));
    out->assign(value->GetString(), value->GetStringLength());
    return true;
}

static const JsonValue* RequireObject(const JsonValue& object, const char* key, const std::string& what, std::string& error)
{
    const JsonValue* value = Require(object, key, what, error);
    if (value && !value->IsObject())
    {
        Fail(error, what, Format(Tr("\"%s\" must be an object"), key));
        return nullptr;
    }
    return value;
}

static const JsonValue* RequireArray(const JsonValue& object, const char* key, const std::string& what, std::string& error)
{
    const JsonValue* value = Require(object, key, what, error);
    if (value && !value->IsArray())
    {
        Fail(error, what, Format(Tr("\"%s\" must be a list"), key));
        return nullptr;
    }
    return value;
}

// "version": absent (the pre-versioning shape, 0) or a known number.
static bool ReadVersion(const JsonValue& object, int max_known, int* out, const std::string& what, std::string& error)
{
    auto it = object.FindMember("version");
    if (it == object.MemberEnd())
    {
        *out = 0;
        return true;
    }
    if (!it->value.IsInt())
        return Fail(error, what, Format(Tr("\"%s\" must be a whole number"), "version"));
    const int version = it->value.GetInt();
    if (version > max_known)
        // TRANSLATORS: the file's format version, then the newest this app reads
        return Fail(error, what, Format(Tr("saved by a newer Band Circuit (format version %d); this one reads up to version %d"), version, max_known));
    if (version < 0)
        return Fail(error, what, Format(Tr("unknown format version %d"), version));
    *out = version;
    return true;
}

// Fields added after version 1 first shipped are optional: a missing one keeps its default.
static bool ReadOptionalInt(const JsonValue& object, const char* key, int min_value, int max_value, int* out,
                            const std::string& what, std::string& error)
{
    return !object.HasMember(key) || ReadInt(object, key, min_value, max_value, out, what, error);
}

static bool ReadOptionalInt64(const JsonValue& object, const char* key, int64_t min_value, int64_t max_value, int64_t* out,
                              const std::string& what, std::string& error)
{
    return !object.HasMember(key) || ReadInt64(object, key, min_value, max_value, out, what, error);
}

// "bands": {"<exercise key>": "light" | "medium" | ...}; a missing exercise is "none".
static void WriteBands(JsonWriter& writer, const BandStrength* bands)
{
    writer.StartObject();
    for (int i = 0; i < ExerciseCount; i++)
    {
        writer.Key(ExerciseKey((ExerciseId)i));
        writer.String(BandStrengthKey(bands[i]));
    }
    writer.EndObject();
}

static bool ReadOptionalBands(const JsonValue& object, BandStrength* bands, const std::string& what, std::string& error)
{
    if (!object.HasMember("bands"))
        return true;
    const JsonValue& value = object["bands"];
    const std::string bands_what = Within(what, "bands");
    if (!value.IsObject())
        return Fail(error, what, Format(Tr("\"%s\" must be an object"), "bands"));
    const char* exercise_keys[ExerciseCount];
    for (int i = 0; i < ExerciseCount; i++)
        exercise_keys[i] = ExerciseKey((ExerciseId)i);
    if (!CheckKeys(value, exercise_keys, ExerciseCount, bands_what, error))
        return false;
    for (int i = 0; i < ExerciseCount; i++)
    {
        if (!value.HasMember(exercise_keys[i]))
            continue;
        const JsonValue& band = value[exercise_keys[i]];
        if (!band.IsString() || !FindBandStrength(std::string_view(band.GetString(), band.GetStringLength()), &bands[i]))
            // TRANSLATORS: %s is an exercise's key; the quoted words are the file's own: keep them as they are
            return Fail(error, bands_what, Format(Tr("\"%s\" must be \"none\", \"light\", \"medium\", \"heavy\" or \"extra-heavy\""), exercise_keys[i]));
    }
    return true;
}

template <typename T>
static LoadResult<T> Failed(const std::string& error)
{
    LoadResult<T> result = {};
    result.Error.Message = error;
    return result;
}

// --- [SECTION] Settings -------------------------------------------------------------------------

static void WriteSettings(JsonWriter& writer, const Settings& settings)
{
    writer.StartObject();
    writer.Key("version");
    writer.Int(SaveFormatVersion);
    writer.Key("rounds");
    writer.Int(settings.Rounds);
    writer.Key("mode");
    writer.String(RunModeKey(settings.Mode));
    writer.Key("reps");
    writer.StartObject();
    for (int i = 0; i < ExerciseCount; i++)
    {
        writer.Key(ExerciseKey((ExerciseId)i));
        writer.Int(settings.Reps[i]);
    }
    writer.EndObject();
    writer.Key("getReadySec");
    writer.Int(settings.GetReadySec);
    writer.Key("switchSidesSec");
    writer.Int(settings.SwitchSidesSec);
    writer.Key("restSec");
    writer.Int(settings.RestSec);
    writer.Key("roundRestSec");
    writer.Int(settings.RoundRestSec);
    writer.Key("cues");
    writer.StartObject();
    writer.Key("sound");
    writer.Bool(settings.CueSound);
    writer.Key("voice");
    writer.Bool(settings.CueVoice);
    writer.Key("vibration");
    writer.Bool(settings.CueVibration);
    writer.Key("flash");
    writer.Bool(settings.CueFlash);
    writer.Key("volume");
    writer.Int(settings.CueVolume);
    writer.Key("repCount");
    writer.String(RepCountKey(settings.CountReps));
    writer.EndObject();
    writer.Key("theme");
    writer.String(ThemeKey(settings.ColorTheme));
    writer.Key("bandChangeRestSec");
    writer.Int(settings.BandChangeRestSec);
    writer.Key("weeklyGoal");
    writer.Int(settings.WeeklyGoal);
    writer.Key("bands");
    WriteBands(writer, settings.Band);
    writer.Key("language");
    writer.String(settings.Language);
    writer.Key("textSize");
    writer.Int(settings.TextSize);
    writer.EndObject();
}

// The fields versions 0 and 1 share.
static bool ReadSettingsCommon(const JsonValue& object, Settings& settings, const std::string& what, std::string& error)
{
    if (!ReadInt(object, "rounds", MinRounds, MaxRounds, &settings.Rounds, what, error))
        return false;
    std::string mode;
    if (!ReadString(object, "mode", 20, &mode, what, error))
        return false;
    if (mode == RunModeKey(RunMode::Guided))
        settings.Mode = RunMode::Guided;
    else if (mode == RunModeKey(RunMode::SelfPaced))
        settings.Mode = RunMode::SelfPaced;
    else
        // TRANSLATORS: %s is a field's name; the quoted words are the file's own: keep them as they are
        return Fail(error, what, Format(Tr("\"%s\" must be \"guided\" or \"self-paced\""), "mode"));

    const JsonValue* reps = RequireObject(object, "reps", what, error);
    if (!reps)
        return false;
    const char* exercise_keys[ExerciseCount];
    for (int i = 0; i < ExerciseCount; i++)
        exercise_keys[i] = ExerciseKey((ExerciseId)i);
    const std::string reps_what = Within(what, "reps");
    if (!CheckKeys(*reps, exercise_keys, ExerciseCount, reps_what, error))
        return false;
    for (int i = 0; i < ExerciseCount; i++)
        if (!ReadInt(*reps, exercise_keys[i], MinReps, MaxReps, &settings.Reps[i], reps_what, error))
            return false;

    return ReadInt(object, "getReadySec", 0, MaxGetReadySec, &settings.GetReadySec, what, error) &&
           ReadInt(object, "switchSidesSec", 0, MaxSwitchSidesSec, &settings.SwitchSidesSec, what, error) &&
           ReadInt(object, "restSec", 0, MaxRestSec, &settings.RestSec, what, error) &&
           ReadInt(object, "roundRestSec", 0, MaxRoundRestSec, &settings.RoundRestSec, what, error);
}

// Version 0 had no cue preferences and no theme: they take their defaults.
static bool ReadSettingsV0(const JsonValue& object, Settings& settings, const std::string& what, std::string& error)
{
    static const char* const keys[] = { "version", "rounds", "mode", "reps", "getReadySec", "switchSidesSec", "restSec", "roundRestSec" };
    settings = DefaultSettings();
    return CheckKeys(object, keys, (int)(sizeof(keys) / sizeof(keys[0])), what, error) &&
           ReadSettingsCommon(object, settings, what, error);
}

static bool ReadSettingsV1(const JsonValue& object, Settings& settings, const std::string& what, std::string& error)
{
    static const char* const keys[] = { "version", "rounds", "mode", "reps", "getReadySec", "switchSidesSec", "restSec", "roundRestSec", "cues", "theme",
                                        "bandChangeRestSec", "weeklyGoal", "bands", "language", "textSize" };
    static const char* const cue_keys[] = { "sound", "voice", "vibration", "flash", "volume", "repCount" };
    settings = DefaultSettings();
    if (!CheckKeys(object, keys, (int)(sizeof(keys) / sizeof(keys[0])), what, error) || !ReadSettingsCommon(object, settings, what, error))
        return false;
    const JsonValue* cues = RequireObject(object, "cues", what, error);
    if (!cues)
        return false;
    const std::string cues_what = Within(what, "cues");
    if (!CheckKeys(*cues, cue_keys, 6, cues_what, error) ||
        !ReadBool(*cues, "sound", &settings.CueSound, cues_what, error) ||
        !ReadBool(*cues, "voice", &settings.CueVoice, cues_what, error) ||
        !ReadBool(*cues, "vibration", &settings.CueVibration, cues_what, error) ||
        !ReadBool(*cues, "flash", &settings.CueFlash, cues_what, error) ||
        !ReadOptionalInt(*cues, "volume", 0, MaxCueVolume, &settings.CueVolume, cues_what, error))
        return false;
    if (cues->HasMember("repCount"))
    {
        std::string count;
        if (!ReadString(*cues, "repCount", 20, &count, cues_what, error))
            return false;
        if (count == RepCountKey(RepCount::EveryRep))
            settings.CountReps = RepCount::EveryRep;
        else if (count == RepCountKey(RepCount::EveryFive))
            settings.CountReps = RepCount::EveryFive;
        else if (count == RepCountKey(RepCount::Off))
            settings.CountReps = RepCount::Off;
        else
            // TRANSLATORS: %s is a field's name; the quoted words are the file's own: keep them as they are
            return Fail(error, cues_what, Format(Tr("\"%s\" must be \"every\", \"five\" or \"off\""), "repCount"));
    }
    if (!ReadOptionalInt(object, "bandChangeRestSec", 0, MaxRestSec, &settings.BandChangeRestSec, what, error) ||
        !ReadOptionalInt(object, "weeklyGoal", MinWeeklyGoal, MaxWeeklyGoal, &settings.WeeklyGoal, what, error) ||
        !ReadOptionalBands(object, settings.Band, what, error) ||
        !ReadOptionalInt(object, "textSize", 0, MaxTextSize, &settings.TextSize, what, error))
        return false;
    settings.TextSize = ClampSettings(settings).TextSize;  // 0 follows the browser; 110 is 100
    if (object.HasMember("language"))
    {
        // A language this version does not speak follows the browser (ClampSettings): not an error.
        std::string language;
        if (!ReadString(object, "language", 40, &language, what, error))
            return false;
        snprintf(settings.Language, sizeof(settings.Language), "%s", language.size() < sizeof(settings.Language) ? language.c_str() : "");
        settings = ClampSettings(settings);
    }
    std::string theme;
    if (!ReadString(object, "theme", 20, &theme, what, error))
        return false;
    if (theme == ThemeKey(Theme::System))
        settings.ColorTheme = Theme::System;
    else if (theme == ThemeKey(Theme::Light))
        settings.ColorTheme = Theme::Light;
    else if (theme == ThemeKey(Theme::Dark))
        settings.ColorTheme = Theme::Dark;
    else
        // TRANSLATORS: %s is a field's name; the quoted words are the file's own: keep them as they are
        return Fail(error, what, Format(Tr("\"%s\" must be \"system\", \"light\" or \"dark\""), "theme"));
    return true;
}

static bool ReadSettings(const JsonValue& object, Settings& settings, const std::string& what, std::string& error)
{
    if (!object.IsObject())
        return Fail(error, what, Tr("expected an object"));
    int version = 0;
    if (!ReadVersion(object, SaveFormatVersion, &version, what, error))
        return false;
    if (version == 0)
        return ReadSettingsV0(object, settings, what, error);
    return ReadSettingsV1(object, settings, what, error);
}

std::string SaveSettings(const Settings& settings)
{
    rapidjson::StringBuffer buffer;
    JsonWriter writer(buffer);
    WriteSettings(writer, ClampSettings(settings));
    return std::string(buffer.GetString(), buffer.GetSize());
}

LoadResult<Settings> LoadSettings(std::string_view json)
{
    std::string error;
    rapidjson::Document doc;
    LoadResult<Settings> result = {};
    // TRANSLATORS: the saved settings, as the place of a problem in "settings: \"rounds\" is missing"
    const std::string what = TrC("data", "settings");
    if (!ParseJson(json, doc, what.c_str(), error) || !ReadSettings(doc, result.Value, what, error))
        return Failed<Settings>(error);
    return result;
}

// --- [SECTION] Session in progress --------------------------------------------------------------

static bool IsValidSessionId(const std::string& id)
{
    if (id.empty() || id.size() > (size_t)MaxSessionIdLength)
        return false;
    for (char c : id)
    {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == ':';
        if (!ok)
            return false;
    }
    return true;
}

// A session id, or the "owner" page id, which uses the same characters: 1..MaxSessionIdLength of [A-Za-z0-9._:-].
static bool ReadIdText(const JsonValue& object, const char* key, std::string* out, const std::string& what, std::string& error)
{
    if (!ReadString(object, key, MaxSessionIdLength, out, what, error))
        return false;
    if (!IsValidSessionId(*out))
        // TRANSLATORS: %s is a field's name; "- _ . :" are the characters allowed besides letters and digits
        return Fail(error, what, Format(Tr("\"%s\" must be 1 to %d letters, digits or - _ . :"), key, MaxSessionIdLength));
    return true;
}

static bool ReadSessionId(const JsonValue& object, std::string* out, const std::string& what, std::string& error)
{
    return ReadIdText(object, "id", out, what, error);
}

std::string SaveSessionInProgress(const SessionInProgress& session)
{
    rapidjson::StringBuffer buffer;
    JsonWriter writer(buffer);
    writer.StartObject();
    writer.Key("version");
    writer.Int(SaveFormatVersion);
    writer.Key("id");
    writer.String(session.Id.c_str(), (rapidjson::SizeType)session.Id.size());
    writer.Key("startedWall");
    writer.Int64(session.StartedWallMs);
    writer.Key("settings");
    WriteSettings(writer, session.PlanSettings);
    writer.Key("stepIndex");
    writer.Int(session.StepIndex);
    writer.Key("stepStartMs");
    writer.Int64(session.StepStartActiveMs);
    writer.Key("stepExtraMs");
    writer.Int64(session.StepExtraMs);
    writer.Key("workMs");
    writer.Int64(session.WorkMs);
    writer.Key("activeMs");
    writer.Int64(session.ActiveMs);
    writer.Key("deliveredMs");
    writer.Int64(session.DeliveredUntilActiveMs);
    writer.Key("highestStep");
    writer.Int(session.HighestStepReached);
    writer.Key("stepReps");
    writer.StartArray();
    for (int reps : session.StepRepsDone)
        writer.Int(reps);
    writer.EndArray();
    writer.Key("endedEarly");
    writer.Bool(session.EndedEarly);
    if (!session.Owner.empty())
    {
        writer.Key("owner");
        writer.String(session.Owner.c_str(), (rapidjson::SizeType)session.Owner.size());
    }
    writer.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize());
}

LoadResult<SessionInProgress> LoadSessionInProgress(std::string_view json)
{
    static const char* const keys[] = { "version", "id", "startedWall", "settings", "stepIndex", "stepStartMs", "activeMs",
                                        "deliveredMs", "highestStep", "stepReps", "endedEarly", "owner", "stepExtraMs", "workMs" };
    // TRANSLATORS: the saved workout under way, as the place of a problem in "session in progress: \"stepReps\" is too long"
    const std::string what = TrC("data", "session in progress");
    std::string error;
    rapidjson::Document doc;
    if (!ParseJson(json, doc, what.c_str(), error))
        return Failed<SessionInProgress>(error);
    int version = 0;
    if (!ReadVersion(doc, SaveFormatVersion, &version, what, error))
        return Failed<SessionInProgress>(error);
    if (version != 1)
        return Failed<SessionInProgress>(At(what, Format(Tr("\"%s\" must be 1"), "version")));
    if (!CheckKeys(doc, keys, (int)(sizeof(keys) / sizeof(keys[0])), what, error))
        return Failed<SessionInProgress>(error);

    LoadResult<SessionInProgress> result = {};
    SessionInProgress& session = result.Value;
    const JsonValue* settings = RequireObject(doc, "settings", what, error);
    const JsonValue* step_reps = nullptr;
    const int max_steps = 100000;
    bool ok = ReadSessionId(doc, &session.Id, what, error) &&
              ReadInt64(doc, "startedWall", 0, MaxWallMs, &session.StartedWallMs, what, error) &&
              settings && ReadSettings(*settings, session.PlanSettings, Within(what, "settings"), error) &&
              ReadInt(doc, "stepIndex", 0, max_steps, &session.StepIndex, what, error) &&
              ReadInt64(doc, "stepStartMs", 0, MaxActiveMs, &session.StepStartActiveMs, what, error) &&
              ReadInt64(doc, "activeMs", 0, MaxActiveMs, &session.ActiveMs, what, error) &&
              ReadInt64(doc, "deliveredMs", 0, MaxActiveMs, &session.DeliveredUntilActiveMs, what, error) &&
              ReadInt(doc, "highestStep", 0, max_steps, &session.HighestStepReached, what, error) &&
              ReadBool(doc, "endedEarly", &session.EndedEarly, what, error) &&
              ReadOptionalInt64(doc, "stepExtraMs", 0, MaxStepExtraMs, &session.StepExtraMs, what, error) &&
              ReadOptionalInt64(doc, "workMs", 0, MaxActiveMs, &session.WorkMs, what, error) &&
              (step_reps = RequireArray(doc, "stepReps", what, error)) != nullptr;
    if (!ok)
        return Failed<SessionInProgress>(error);
    if (doc.HasMember("owner") && !ReadIdText(doc, "owner", &session.Owner, what, error))
        return Failed<SessionInProgress>(error);
    if (step_reps->Size() > (rapidjson::SizeType)max_steps)
        return Failed<SessionInProgress>(At(what, Format(Tr("\"%s\" is too long"), "stepReps")));
    for (const JsonValue& reps : step_reps->GetArray())
    {
        if (!reps.IsInt() || reps.GetInt() < 0 || reps.GetInt() > MaxReps)
            return Failed<SessionInProgress>(At(what, Format(Tr("\"%s\" must hold whole numbers from 0 to %d"), "stepReps", MaxReps)));
        session.StepRepsDone.push_back(reps.GetInt());
    }
    MigrateTwoSetTrapPull(session);  // saved while the trap pull was two sets a round: read into today's plan
    if (const char* why = CheckSessionInProgress(session))
        return Failed<SessionInProgress>(At(what, Tr(why)));
    return result;
}

// --- [SECTION] History and its export file ------------------------------------------------------

static void WriteSessionRecord(JsonWriter& writer, const SessionRecord& record)
{
    writer.StartObject();
    writer.Key("id");
    writer.String(record.Id.c_str(), (rapidjson::SizeType)record.Id.size());
    writer.Key("started");
    writer.Int64(record.StartedWallMs);
    writer.Key("ended");
    writer.Int64(record.EndedWallMs);
    writer.Key("durationMs");
    writer.Int64(record.DurationMs);
    writer.Key("roundsPlanned");
    writer.Int(record.RoundsPlanned);
    writer.Key("roundsDone");
    writer.Int(record.RoundsDone);
    writer.Key("finished");
    writer.Bool(record.Finished);
    if (record.HasTzOffset)
    {
        writer.Key("tzOffsetMin");
        writer.Int(record.TzOffsetMinutes);
    }
    writer.Key("reps");
    writer.StartObject();
    for (int i = 0; i < ExerciseCount; i++)
    {
        const Exercise& exercise = GetExercise((ExerciseId)i);
        writer.Key(exercise.Key);
        writer.StartObject();
        for (int s = 0; s < 2; s++)
        {
            const Side side = ExerciseSide(exercise, s);
            writer.Key(SideKey(side));
            writer.Int(record.RepsDone[i][(int)side]);
        }
        writer.EndObject();
    }
    writer.EndObject();
    // Written only when known, so a record without them reads back and writes out byte for byte.
    if (record.WorkMs > 0)
    {
        writer.Key("workMs");
        writer.Int64(record.WorkMs);
    }
    bool any_band = false;
    for (int i = 0; i < ExerciseCount; i++)
        any_band |= record.Bands[i] != BandStrength::None;
    if (any_band)
    {
        writer.Key("bands");
        WriteBands(writer, record.Bands);
    }
    writer.EndObject();
}

// "reps": {"<exercise key>": {"<side key>": n, ...}, ...}; a missing exercise or side means 0.
static bool ReadRepsDone(const JsonValue& reps, SessionRecord& record, const std::string& what, std::string& error)
{
    for (auto it = reps.MemberBegin(); it != reps.MemberEnd(); ++it)
    {
        const std::string_view key(it->name.GetString(), it->name.GetStringLength());
        const Exercise* exercise = FindExercise(key);
        if (!exercise)
            return Fail(error, what, Format(Tr("unknown exercise \"%s\""), std::string(key.substr(0, 40)).c_str()));
        const std::string exercise_what = Within(what, exercise->Key);
        if (!it->value.IsObject())
            return Fail(error, what, Format(Tr("\"%s\" must be an object"), exercise->Key));
        const char* side_keys[2] = { SideKey(ExerciseSide(*exercise, 0)), SideKey(ExerciseSide(*exercise, 1)) };
        if (!CheckKeys(it->value, side_keys, 2, exercise_what, error))
            return false;
        for (int s = 0; s < 2; s++)
        {
            // A duplicate exercise key would be read twice; CheckKeys on the parent rejects it first.
            int* slot = &record.RepsDone[(int)exercise->Id][(int)ExerciseSide(*exercise, s)];
            *slot = 0;
            if (it->value.HasMember(side_keys[s]) && !ReadInt(it->value, side_keys[s], 0, MaxRepsRecorded, slot, exercise_what, error))
                return false;
        }
    }
    return true;
}

static bool ReadSessionRecord(const JsonValue& object, SessionRecord& record, const std::string& what, std::string& error)
{
    static const char* const keys[] = { "id", "started", "ended", "durationMs", "roundsPlanned", "roundsDone", "finished", "reps",
                                        "tzOffsetMin", "workMs", "bands" };
    if (!object.IsObject())
        return Fail(error, what, Tr("expected an object"));
    record = SessionRecord{};
    if (!CheckKeys(object, keys, (int)(sizeof(keys) / sizeof(keys[0])), what, error))
        return false;
    const JsonValue* reps = nullptr;
    const bool ok = ReadSessionId(object, &record.Id, what, error) &&
                    ReadInt64(object, "started", 0, MaxWallMs, &record.StartedWallMs, what, error) &&
                    ReadInt64(object, "ended", 0, MaxWallMs, &record.EndedWallMs, what, error) &&
                    ReadInt64(object, "durationMs", 0, MaxActiveMs, &record.DurationMs, what, error) &&
                    ReadInt(object, "roundsPlanned", MinRounds, MaxRounds, &record.RoundsPlanned, what, error) &&
                    ReadInt(object, "roundsDone", 0, MaxRounds, &record.RoundsDone, what, error) &&
                    ReadBool(object, "finished", &record.Finished, what, error) &&
                    ReadOptionalInt64(object, "workMs", 0, MaxActiveMs, &record.WorkMs, what, error) &&
                    ReadOptionalBands(object, record.Bands, what, error) &&
                    (reps = RequireObject(object, "reps", what, error)) != nullptr;
    if (!ok)
        return false;
    record.HasTzOffset = object.HasMember("tzOffsetMin");  // absent in records saved before version 1 had it
    if (record.HasTzOffset && !ReadInt(object, "tzOffsetMin", -MaxTzOffsetMinutes, MaxTzOffsetMinutes, &record.TzOffsetMinutes, what, error))
        return false;
    if (record.EndedWallMs < record.StartedWallMs)
        // TRANSLATORS: a session of the history ends before it starts
        return Fail(error, what, Tr("it ends before it starts"));
    if (record.RoundsDone > record.RoundsPlanned)
        return Fail(error, what, Tr("more rounds done than planned"));
    if (record.WorkMs > record.DurationMs)
        return Fail(error, what, Tr("more work time than session time"));
    // Known exercise keys are checked (with a clearer message) by ReadRepsDone; here only duplicates.
    for (auto a = reps->MemberBegin(); a != reps->MemberEnd(); ++a)
        for (auto b = reps->MemberBegin(); b != a; ++b)
            if (a->name == b->name)
                return Fail(error, what, Format(Tr("\"%s\" lists an exercise twice"), "reps"));
    return ReadRepsDone(*reps, record, Within(what, "reps"), error);
}

static bool ReadSessions(const JsonValue& object, std::vector<SessionRecord>& sessions, const std::string& what, std::string& error)
{
    const JsonValue* list = RequireArray(object, "sessions", what, error);
    if (!list)
        return false;
    if (list->Size() > (rapidjson::SizeType)MaxHistorySessions)
        return Fail(error, what, Format(Tr("more than %d sessions"), MaxHistorySessions));
    sessions.clear();
    sessions.reserve(list->Size());
    for (rapidjson::SizeType i = 0; i < list->Size(); i++)
    {
        SessionRecord record;
        // TRANSLATORS: the place of a problem: the nth session of a history ("history file: session 3")
        if (!ReadSessionRecord((*list)[i], record, At(what, Format(Tr("session %d"), (int)i + 1)), error))
            return false;
        sessions.push_back(record);
    }
    std::vector<std::string> ids;
    ids.reserve(sessions.size());
    for (const SessionRecord& record : sessions)
        ids.push_back(record.Id);
    std::sort(ids.begin(), ids.end());
    auto duplicate = std::adjacent_find(ids.begin(), ids.end());
    if (duplicate != ids.end())
        return Fail(error, what, Format(Tr("session id \"%s\" appears twice"), duplicate->c_str()));
    return true;
}

static void WriteSessions(JsonWriter& writer, const std::vector<SessionRecord>& sessions)
{
    writer.Key("sessions");
    writer.StartArray();
    for (const SessionRecord& record : sessions)
        WriteSessionRecord(writer, record);
    writer.EndArray();
}

// "deleted": [{"id": "<session id>", "at": <wall ms>}, ...], written only when not empty.
static void WriteDeletions(JsonWriter& writer, const std::vector<Deletion>& deleted)
{
    if (deleted.empty())
        return;
    writer.Key("deleted");
    writer.StartArray();
    for (const Deletion& deletion : deleted)
    {
        writer.StartObject();
        writer.Key("id");
        writer.String(deletion.Id.c_str(), (rapidjson::SizeType)deletion.Id.size());
        writer.Key("at");
        writer.Int64(deletion.AtWallMs);
        writer.EndObject();
    }
    writer.EndArray();
}

// Optional (version 1 had none). Repeated ids are read as one; sessions named here are left out.
static bool ReadDeletions(const JsonValue& object, SavedHistory& history, const std::string& what, std::string& error)
{
    static const char* const keys[] = { "id", "at" };
    if (!object.HasMember("deleted"))
        return true;
    const JsonValue* list = RequireArray(object, "deleted", what, error);
    if (!list)
        return false;
    if (list->Size() > (rapidjson::SizeType)MaxDeletions)
        return Fail(error, what, Format(Tr("more than %d deleted sessions"), MaxDeletions));
    std::vector<Deletion> deleted;
    deleted.reserve(list->Size());
    for (rapidjson::SizeType i = 0; i < list->Size(); i++)
    {
        // TRANSLATORS: the place of a problem: the nth entry of a history's list of deleted sessions
        const std::string entry_what = At(what, Format(Tr("deleted %d"), (int)i + 1));
        const JsonValue& entry = (*list)[i];
        Deletion deletion = {};
        if (!entry.IsObject())
            return Fail(error, entry_what, Tr("expected an object"));
        if (!CheckKeys(entry, keys, 2, entry_what, error) || !ReadSessionId(entry, &deletion.Id, entry_what, error) ||
            !ReadInt64(entry, "at", 0, MaxWallMs, &deletion.AtWallMs, entry_what, error))
            return false;
        deleted.push_back(deletion);
    }
    history.Deleted = MergeDeletions(deleted, {});
    RemoveDeleted(history.Sessions, history.Deleted);
    return true;
}

std::string SaveHistory(const std::vector<SessionRecord>& sessions, const std::vector<Deletion>& deleted, int64_t backed_up_wall_ms)
{
    rapidjson::StringBuffer buffer;
    JsonWriter writer(buffer);
    writer.StartObject();
    writer.Key("version");
    writer.Int(HistoryFormatVersion);
    WriteSessions(writer, sessions);
    WriteDeletions(writer, deleted);
    if (backed_up_wall_ms > 0)
    {
        writer.Key("backedUp");
        writer.Int64(backed_up_wall_ms);
    }
    writer.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize());
}

// "version" is 1 or 2; a history of version 1 has no "deleted" and no "backedUp".
static bool ReadHistoryVersion(const JsonValue& doc, int* version, const std::string& what, std::string& error)
{
    if (!ReadVersion(doc, HistoryFormatVersion, version, what, error))
        return false;
    if (*version < 1)
        return Fail(error, what, Format(Tr("\"%s\" must be 1 or 2"), "version"));
    return true;
}

LoadResult<SavedHistory> LoadHistory(std::string_view json)
{
    static const char* const keys[] = { "version", "sessions", "deleted", "backedUp" };
    // TRANSLATORS: the saved history, as the place of a problem in "history: session 3: \"finished\" is missing"
    const std::string what = TrC("data", "history");
    std::string error;
    rapidjson::Document doc;
    LoadResult<SavedHistory> result = {};
    int version = 0;
    if (!ParseJson(json, doc, what.c_str(), error) || !ReadHistoryVersion(doc, &version, what, error))
        return Failed<SavedHistory>(error);
    if (!CheckKeys(doc, keys, version == 1 ? 2 : 4, what, error) || !ReadSessions(doc, result.Value.Sessions, what, error) ||
        !ReadDeletions(doc, result.Value, what, error) || !ReadOptionalInt64(doc, "backedUp", 0, MaxWallMs, &result.Value.BackedUpWallMs, what, error))
        return Failed<SavedHistory>(error);
    return result;
}

std::string ExportHistory(const std::vector<SessionRecord>& sessions, int64_t exported_wall_ms, const std::vector<Deletion>& deleted)
{
    rapidjson::StringBuffer buffer;
    JsonWriter writer(buffer);
    writer.StartObject();
    writer.Key("app");
    writer.String("band-circuit");
    writer.Key("kind");
    writer.String("history");
    writer.Key("version");
    writer.Int(HistoryFormatVersion);
    writer.Key("exported");
    writer.Int64(exported_wall_ms);
    WriteSessions(writer, sessions);
    WriteDeletions(writer, deleted);
    writer.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize());
}

LoadResult<SavedHistory> ImportHistory(std::string_view json)
{
    static const char* const keys[] = { "app", "kind", "version", "exported", "sessions", "deleted" };
    // TRANSLATORS: an imported history file, as the place of a problem in "history file: session 3: \"finished\" is missing"
    const std::string what = TrC("data", "history file");
    std::string error;
    rapidjson::Document doc;
    if (!ParseJson(json, doc, what.c_str(), error))
        return Failed<SavedHistory>(error);
    const JsonValue& root = doc;
    const JsonValue* app = root.HasMember("app") ? &root["app"] : nullptr;
    const JsonValue* kind = root.HasMember("kind") ? &root["kind"] : nullptr;
    if (!app || !kind || !app->IsString() || !kind->IsString() || std::string_view(app->GetString(), app->GetStringLength()) != "band-circuit" ||
        std::string_view(kind->GetString(), kind->GetStringLength()) != "history")
        return Failed<SavedHistory>(Tr("this file is not a Band Circuit history export"));
    int version = 0;
    int64_t exported = 0;
    LoadResult<SavedHistory> result = {};
    if (!ReadHistoryVersion(doc, &version, what, error))
        return Failed<SavedHistory>(error);
    if (!CheckKeys(doc, keys, version == 1 ? 5 : 6, what, error) || !ReadInt64(doc, "exported", 0, MaxWallMs, &exported, what, error) ||
        !ReadSessions(doc, result.Value.Sessions, what, error) || !ReadDeletions(doc, result.Value, what, error))
        return Failed<SavedHistory>(error);
    result.Value.BackedUpWallMs = exported;
    return result;
}

MergeResult MergeHistory(const std::vector<SessionRecord>& existing, const std::vector<SessionRecord>& imported, const std::vector<Deletion>& deleted)
{
    MergeResult result = {};
    result.Sessions = existing;
    std::vector<std::string> ids;
    for (const SessionRecord& record : existing)
        ids.push_back(record.Id);
    std::sort(ids.begin(), ids.end());

    std::vector<SessionRecord> added;
    for (const SessionRecord& record : imported)
    {
        if (std::binary_search(ids.begin(), ids.end(), record.Id))
        {
            result.AlreadyPresent++;
            continue;
        }
        if (IsDeleted(deleted, record.Id))
        {
            result.Deleted++;
            continue;
        }
        ids.insert(std::upper_bound(ids.begin(), ids.end(), record.Id), record.Id);
        added.push_back(record);
    }
    for (int index : OrderByStart(added, false))
    {
        const SessionRecord& record = added[(size_t)index];
        if ((int)result.Sessions.size() >= MaxHistorySessions)
        {
            result.Dropped++;
            continue;
        }
        result.Sessions.push_back(record);
        result.Added++;
    }
    return result;
}

}  // namespace core

namespace core {

// --- [SECTION] Limits, salvage, merges between pages -------------------------------------------

const char* CheckHistoryFits(const std::vector<SessionRecord>& sessions, const std::vector<Deletion>& deleted)
{
    if ((int)sessions.size() > MaxHistorySessions)
        return "the history holds the most sessions it can keep";
    if (SaveHistory(sessions, deleted).size() > MaxSaveInputBytes)
        return "the history is as large as it can be";
    return nullptr;
}

SalvageResult SalvageHistory(std::string_view json)
{
    SalvageResult result = {};
    rapidjson::Document doc;
    std::string error;
    // TRANSLATORS: a copy of unreadable saved data, kept aside, as the place of a problem in "kept copy: not valid JSON (...)"
    const std::string what = TrC("data", "kept copy");
    if (!ParseJson(json, doc, what.c_str(), error))
    {
        result.Error = error;
        return result;
    }
    const JsonValue& root = doc;
    auto list = root.FindMember("sessions");
    if (list == root.MemberEnd() || !list->value.IsArray())
    {
        result.Error = At(what, Tr("it holds no list of sessions"));
        return result;
    }
    std::vector<SessionRecord> found;
    for (const JsonValue& entry : list->value.GetArray())
    {
        SessionRecord record;
        std::string why;
        if (ReadSessionRecord(entry, record, "session", why))
            found.push_back(record);
        else
            result.Unreadable++;
    }
    const MergeResult merged = MergeHistory({}, found);  // drops repeated ids, keeps the limit
    result.Sessions = merged.Sessions;
    result.Unreadable += merged.AlreadyPresent + merged.Dropped;
    return result;
}

static JsonValue* FindMemberValue(JsonValue& object, const JsonValue& name)
{
    for (rapidjson::SizeType i = 0; i < object.MemberCount(); i++)
    {
        auto member = object.MemberBegin() + i;
        if (member->name == name)
            return &member->value;
    }
    return nullptr;
}

// Field by field: a member this page changed comes from mine; objects one level down likewise.
static void MergeMembers(const JsonValue& base, const JsonValue& mine, JsonValue& theirs, rapidjson::Document::AllocatorType& allocator)
{
    for (auto it = mine.MemberBegin(); it != mine.MemberEnd(); ++it)
    {
        auto old = base.FindMember(it->name);
        const bool had = old != base.MemberEnd();
        JsonValue* target = FindMemberValue(theirs, it->name);
        if (had && old->value == it->value)
            continue;  // unchanged here: theirs stands
        if (it->value.IsObject() && had && old->value.IsObject() && target && target->IsObject())
        {
            MergeMembers(old->value, it->value, *target, allocator);
            continue;
        }
        JsonValue copy(it->value, allocator);
        if (target)
            *target = copy;
        else
            theirs.AddMember(JsonValue(it->name, allocator), copy, allocator);
    }
}

Settings MergeSettings(const Settings& base, const Settings& mine, const Settings& theirs)
{
    rapidjson::Document base_doc, mine_doc, theirs_doc;
    const std::string base_json = SaveSettings(base), mine_json = SaveSettings(mine), theirs_json = SaveSettings(theirs);
    base_doc.Parse<ParseFlags>(base_json.data(), base_json.size());
    mine_doc.Parse<ParseFlags>(mine_json.data(), mine_json.size());
    theirs_doc.Parse<ParseFlags>(theirs_json.data(), theirs_json.size());
    MergeMembers(base_doc, mine_doc, theirs_doc, theirs_doc.GetAllocator());
    rapidjson::StringBuffer buffer;
    JsonWriter writer(buffer);
    theirs_doc.Accept(writer);
    LoadResult<Settings> merged = LoadSettings(std::string_view(buffer.GetString(), buffer.GetSize()));
    return merged.Ok() ? merged.Value : mine;
}

// --- [SECTION] Settings with the time of each change ----------------------------------------------

constexpr size_t MaxStamps = 64;  // far more than there are settings
constexpr size_t MaxStampPathLength = 64;

// Each setting of the saved JSON (one level into "reps" and "cues", as MergeSettings) as path -> JSON text.
static void FlattenSettings(const JsonValue& object, const std::string& prefix, std::map<std::string, std::string>& out)
{
    for (auto it = object.MemberBegin(); it != object.MemberEnd(); ++it)
    {
        const std::string path = prefix + std::string(it->name.GetString(), it->name.GetStringLength());
        if (path == "version")
            continue;
        if (it->value.IsObject())
        {
            FlattenSettings(it->value, path + ".", out);
            continue;
        }
        rapidjson::StringBuffer buffer;
        JsonWriter writer(buffer);
        it->value.Accept(writer);
        out[path] = std::string(buffer.GetString(), buffer.GetSize());
    }
}

static std::map<std::string, std::string> SettingsByPath(const Settings& settings)
{
    rapidjson::Document doc;
    const std::string json = SaveSettings(settings);
    doc.Parse<ParseFlags>(json.data(), json.size());
    std::map<std::string, std::string> out;
    FlattenSettings(doc, "", out);
    return out;
}

std::string SaveStampedSettings(const StampedSettings& settings)
{
    rapidjson::Document doc;
    const std::string json = SaveSettings(settings.Values);
    doc.Parse<ParseFlags>(json.data(), json.size());
    if (!settings.ChangedAt.empty())
    {
        JsonValue stamps(rapidjson::kObjectType);
        for (const auto& [path, at] : settings.ChangedAt)
            stamps.AddMember(JsonValue(path.c_str(), (rapidjson::SizeType)path.size(), doc.GetAllocator()), JsonValue((int64_t)at), doc.GetAllocator());
        doc.AddMember("changedAt", stamps, doc.GetAllocator());
    }
    rapidjson::StringBuffer buffer;
    JsonWriter writer(buffer);
    doc.Accept(writer);
    return std::string(buffer.GetString(), buffer.GetSize());
}

LoadResult<StampedSettings> LoadStampedSettings(std::string_view json)
{
    // TRANSLATORS: the saved settings, as the place of a problem in "settings: \"rounds\" is missing"
    const std::string what = TrC("data", "settings");
    std::string error;
    rapidjson::Document doc;
    if (!ParseJson(json, doc, what.c_str(), error))
        return Failed<StampedSettings>(error);
    LoadResult<StampedSettings> result = {};
    auto stamps = doc.FindMember("changedAt");
    if (stamps != doc.MemberEnd())
    {
        const std::string where = Within(what, "changedAt");
        if (!stamps->value.IsObject() || stamps->value.MemberCount() > MaxStamps)
            return Failed<StampedSettings>(At(what, Format(Tr("\"%s\" must be an object"), "changedAt")));
        for (auto it = stamps->value.MemberBegin(); it != stamps->value.MemberEnd(); ++it)
        {
            const std::string path(it->name.GetString(), it->name.GetStringLength());
            if (path.empty() || path.size() > MaxStampPathLength)
                return Failed<StampedSettings>(At(where, Format(Tr("\"%s\" must be text of at most %llu characters"), "changedAt", (unsigned long long)MaxStampPathLength)));
            int64_t at = 0;
            if (!ReadInt64(stamps->value, path.c_str(), 0, MaxWallMs, &at, where, error))
                return Failed<StampedSettings>(error);
            result.Value.ChangedAt[path] = at;
        }
        doc.RemoveMember(stamps);
    }
    if (!ReadSettings(doc, result.Value.Values, what, error))
        return Failed<StampedSettings>(error);
    return result;
}

StampedSettings StampChanges(const StampedSettings& before, const Settings& now, int64_t wall_ms)
{
    StampedSettings out = before;
    out.Values = now;
    const std::map<std::string, std::string> was = SettingsByPath(before.Values), is = SettingsByPath(now);
    for (const auto& [path, text] : is)
    {
        auto old = was.find(path);
        if (old == was.end() || old->second != text)
            out.ChangedAt[path] = wall_ms;
    }
    return out;
}

// The member at `path` ("cues.sound") of a settings document, made where it is missing.
static JsonValue& MemberAt(rapidjson::Document& doc, const std::string& path)
{
    JsonValue* object = &doc;
    size_t start = 0;
    for (;;)
    {
        const size_t dot = path.find('.', start);
        const std::string name = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        if (!object->HasMember(name.c_str()))
            object->AddMember(JsonValue(name.c_str(), (rapidjson::SizeType)name.size(), doc.GetAllocator()),
                              JsonValue(dot == std::string::npos ? rapidjson::kNullType : rapidjson::kObjectType), doc.GetAllocator());
        JsonValue& member = (*object)[name.c_str()];
        if (dot == std::string::npos)
            return member;
        object = &member;
        start = dot + 1;
    }
}

static int64_t StampOf(const StampedSettings& settings, const std::string& path)
{
    auto it = settings.ChangedAt.find(path);
    return it == settings.ChangedAt.end() ? 0 : it->second;
}

StampedSettings LaterOfEach(const StampedSettings& mine, const StampedSettings& stored)
{
    const StampedSettings &a = mine, &b = stored;
    const std::map<std::string, std::string> in_a = SettingsByPath(a.Values), in_b = SettingsByPath(b.Values);
    rapidjson::Document doc;
    const std::string json = SaveSettings(b.Values);
    doc.Parse<ParseFlags>(json.data(), json.size());
    StampedSettings out;
    for (const auto& [path, text_a] : in_a)
    {
        auto found = in_b.find(path);
        const std::string text_b = found == in_b.end() ? std::string() : found->second;
        const int64_t at_a = StampOf(a, path), at_b = StampOf(b, path);
        const bool take_a = found == in_b.end() || at_a > at_b || (at_a == at_b && at_a > 0 && text_a > text_b);
        if (std::max(at_a, at_b) > 0)
            out.ChangedAt[path] = std::max(at_a, at_b);
        if (!take_a)
            continue;
        rapidjson::Document value;
        value.Parse<ParseFlags>(text_a.data(), text_a.size());
        MemberAt(doc, path).CopyFrom(value, doc.GetAllocator());
    }
    for (const auto& [path, at] : b.ChangedAt)
        if (in_a.find(path) == in_a.end())
            out.ChangedAt[path] = std::max(at, StampOf(a, path));
    rapidjson::StringBuffer buffer;
    JsonWriter writer(buffer);
    doc.Accept(writer);
    LoadResult<Settings> merged = LoadSettings(std::string_view(buffer.GetString(), buffer.GetSize()));
    out.Values = merged.Ok() ? merged.Value : b.Values;
    return out;
}

std::string SaveResetMark(int64_t at_wall_ms)
{
    rapidjson::StringBuffer buffer;
    JsonWriter writer(buffer);
    writer.StartObject();
    writer.Key("version");
    writer.Int(SaveFormatVersion);
    writer.Key("atWall");
    writer.Int64(at_wall_ms);
    writer.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize());
}

LoadResult<int64_t> LoadResetMark(std::string_view json)
{
    static const char* const keys[] = { "version", "atWall" };
    // TRANSLATORS: the saved moment of the last "Delete everything", as the place of a problem
    const std::string what = TrC("data", "reset mark");
    std::string error;
    rapidjson::Document doc;
    LoadResult<int64_t> result = {};
    int version = 0;
    if (!ParseJson(json, doc, what.c_str(), error) || !ReadVersion(doc, SaveFormatVersion, &version, what, error) ||
        !CheckKeys(doc, keys, 2, what, error) || !ReadInt64(doc, "atWall", 0, MaxWallMs, &result.Value, what, error))
        return Failed<int64_t>(error);
    return result;
}

}  // namespace core

namespace core {

// --- [SECTION] Sync documents (CouchDB) --------------------------------------------------------

static const char* const SessionDocType = "band-circuit/session";
static const char* const SettingsDocType = "band-circuit/settings";

// A revision or checkpoint: printable ASCII, not empty, at most max_length.
static bool IsToken(const JsonValue& value, size_t max_length)
{
    if (!value.IsString() || value.GetStringLength() == 0 || value.GetStringLength() > max_length)
        return false;
    for (rapidjson::SizeType i = 0; i < value.GetStringLength(); i++)
        if (value.GetString()[i] < 0x21 || value.GetString()[i] > 0x7e)
            return false;
    return true;
}

static std::string Text(const JsonValue& value) { return std::string(value.GetString(), value.GetStringLength()); }

// "type" is ours: what kind of document this is for Band Circuit ("" when it is not ours).
static std::string_view DocType(const JsonValue& doc)
{
    auto type = doc.FindMember("type");
    if (type == doc.MemberEnd() || !type->value.IsString())
        return {};
    return std::string_view(type->value.GetString(), type->value.GetStringLength());
}

// One "results" entry of _changes: {"seq", "id", "changes":[{"rev"}], "deleted"?, "doc"?}.
static bool ReadChange(const JsonValue& entry, ChangedDoc& out, const std::string& what, std::string& error)
{
    if (!entry.IsObject())
        return Fail(error, what, Tr("expected an object"));
    auto id = entry.FindMember("id");
    auto changes = entry.FindMember("changes");
    if (id == entry.MemberEnd() || !id->value.IsString() || id->value.GetStringLength() == 0 || id->value.GetStringLength() > 1000)
        return Fail(error, what, Format(Tr("\"%s\" is missing or wrong"), "id"));
    if (changes == entry.MemberEnd() || !changes->value.IsArray() || changes->value.Empty() || !changes->value[0].IsObject() ||
        !changes->value[0].HasMember("rev") || !IsToken(changes->value[0]["rev"], MaxRevLength))
        return Fail(error, what, Format(Tr("\"%s\" is missing or wrong"), "changes"));
    out = ChangedDoc{};
    out.Id = Text(id->value);
    out.Rev = Text(changes->value[0]["rev"]);
    auto deleted = entry.FindMember("deleted");
    if (deleted != entry.MemberEnd() && deleted->value.IsBool() && deleted->value.GetBool())
    {
        out.What = ChangedDoc::Kind_Deleted;
        return true;
    }
    auto doc = entry.FindMember("doc");
    if (doc == entry.MemberEnd() || !doc->value.IsObject())
        return Fail(error, what, Format(Tr("\"%s\" is missing or wrong"), "doc"));
    const std::string_view type = DocType(doc->value);
    std::string why;
    out.What = ChangedDoc::Kind_Foreign;
    if (type == SessionDocType)
    {
        auto session = doc->value.FindMember("session");
        const bool ok = session != doc->value.MemberEnd() && ReadSessionRecord(session->value, out.Session, "session", why) && out.Session.Id == out.Id;
        out.What = ok ? ChangedDoc::Kind_Session : ChangedDoc::Kind_Unreadable;
    }
    else if (type == SettingsDocType)
    {
        auto settings = doc->value.FindMember("settings");
        const bool ok = out.Id == SettingsDocId && settings != doc->value.MemberEnd() && ReadSettings(settings->value, out.Values, "settings", why);
        out.What = ok ? ChangedDoc::Kind_Settings : ChangedDoc::Kind_Unreadable;
    }
    return true;
}

LoadResult<ChangesPage> ParseChanges(std::string_view json)
{
    // TRANSLATORS: the sync server's list of changes, as the place of a problem
    const std::string what = TrC("data", "server's changes");
    std::string error;
    rapidjson::Document doc;
    LoadResult<ChangesPage> result = {};
    if (!ParseJson(json, doc, what.c_str(), error))
        return Failed<ChangesPage>(error);
    if (!doc.IsObject())
        return Failed<ChangesPage>(At(what, Tr("expected an object")));
    const JsonValue* results = RequireArray(doc, "results", what, error);
    if (!results)
        return Failed<ChangesPage>(error);
    if (!doc.HasMember("last_seq"))
        return Failed<ChangesPage>(At(what, Format(Tr("\"%s\" is missing"), "last_seq")));
    auto last = doc.FindMember("last_seq");
    if (last->value.IsUint64())
        result.Value.LastSeq = std::to_string(last->value.GetUint64());
    else if (IsToken(last->value, MaxSeqLength))
        result.Value.LastSeq = Text(last->value);
    else
        return Failed<ChangesPage>(At(what, Format(Tr("\"%s\" is missing or wrong"), "last_seq")));
    result.Value.Entries = (int)results->Size();
    for (rapidjson::SizeType i = 0; i < results->Size(); i++)
    {
        ChangedDoc change;
        if (!ReadChange((*results)[i], change, At(what, Format(Tr("entry %d"), (int)i + 1)), error))
            return Failed<ChangesPage>(error);
        result.Value.Docs.push_back(std::move(change));
    }
    return result;
}

std::string BulkDocsJson(const std::vector<SessionRecord>& sessions, const std::vector<ServerDoc>& deletions)
{
    rapidjson::StringBuffer buffer;
    JsonWriter writer(buffer);
    writer.StartObject();
    writer.Key("docs");
    writer.StartArray();
    for (const SessionRecord& record : sessions)
    {
        writer.StartObject();
        writer.Key("_id");
        writer.String(record.Id.c_str(), (rapidjson::SizeType)record.Id.size());
        writer.Key("type");
        writer.String(SessionDocType);
        writer.Key("session");
        WriteSessionRecord(writer, record);
        writer.EndObject();
    }
    for (const ServerDoc& deletion : deletions)
    {
        writer.StartObject();
        writer.Key("_id");
        writer.String(deletion.Id.c_str(), (rapidjson::SizeType)deletion.Id.size());
        if (!deletion.Rev.empty())
        {
            writer.Key("_rev");
            writer.String(deletion.Rev.c_str(), (rapidjson::SizeType)deletion.Rev.size());
        }
        writer.Key("_deleted");
        writer.Bool(true);
        writer.EndObject();
    }
    writer.EndArray();
    writer.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize());
}

LoadResult<std::vector<BulkResult>> ParseBulkResults(std::string_view json)
{
    // TRANSLATORS: the sync server's answer to what was sent, as the place of a problem
    const std::string what = TrC("data", "server's answer");
    std::string error;
    rapidjson::Document doc;
    LoadResult<std::vector<BulkResult>> result = {};
    if (!ParseJson(json, doc, what.c_str(), error, true))
        return Failed<std::vector<BulkResult>>(error);
    if (!doc.IsArray())
        return Failed<std::vector<BulkResult>>(At(what, Tr("expected a list")));
    for (const JsonValue& entry : doc.GetArray())
    {
        BulkResult one;
        auto id = entry.IsObject() ? entry.FindMember("id") : entry.MemberEnd();
        if (!entry.IsObject() || id == entry.MemberEnd() || !id->value.IsString())
            return Failed<std::vector<BulkResult>>(At(what, Format(Tr("\"%s\" is missing or wrong"), "id")));
        one.Id = Text(id->value);
        auto rev = entry.FindMember("rev");
        auto failure = entry.FindMember("error");
        if (failure != entry.MemberEnd())
            one.Error = failure->value.IsString() ? Text(failure->value).substr(0, 100) : "error";
        else if (rev != entry.MemberEnd() && IsToken(rev->value, MaxRevLength))
            one.Rev = Text(rev->value);
        else
            return Failed<std::vector<BulkResult>>(At(what, Format(Tr("\"%s\" is missing or wrong"), "rev")));
        result.Value.push_back(std::move(one));
    }
    return result;
}

std::string SettingsDocJson(const Settings& settings, const std::string& rev)
{
    rapidjson::StringBuffer buffer;
    JsonWriter writer(buffer);
    writer.StartObject();
    writer.Key("_id");
    writer.String(SettingsDocId);
    if (!rev.empty())
    {
        writer.Key("_rev");
        writer.String(rev.c_str(), (rapidjson::SizeType)rev.size());
    }
    writer.Key("type");
    writer.String(SettingsDocType);
    writer.Key("settings");
    WriteSettings(writer, ClampSettings(settings));
    writer.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize());
}

LoadResult<std::pair<Settings, std::string>> ParseSettingsDoc(std::string_view json)
{
    // TRANSLATORS: the settings kept on the sync server, as the place of a problem
    const std::string what = TrC("data", "server's settings");
    std::string error;
    rapidjson::Document doc;
    LoadResult<std::pair<Settings, std::string>> result = {};
    if (!ParseJson(json, doc, what.c_str(), error))
        return Failed<std::pair<Settings, std::string>>(error);
    if (!doc.IsObject() || DocType(doc) != SettingsDocType || !doc.HasMember("_rev") || !IsToken(doc["_rev"], MaxRevLength))
        return Failed<std::pair<Settings, std::string>>(At(what, Tr("this is not Band Circuit's settings document")));
    const JsonValue* settings = RequireObject(doc, "settings", what, error);
    if (!settings || !ReadSettings(*settings, result.Value.first, Within(what, "settings"), error))
        return Failed<std::pair<Settings, std::string>>(error);
    result.Value.second = Text(doc["_rev"]);
    return result;
}

LoadResult<std::string> ParseWriteAnswer(std::string_view json)
{
    const std::string what = TrC("data", "server's answer");
    std::string error;
    rapidjson::Document doc;
    LoadResult<std::string> result = {};
    if (!ParseJson(json, doc, what.c_str(), error))
        return Failed<std::string>(error);
    if (!doc.IsObject() || !doc.HasMember("rev") || !IsToken(doc["rev"], MaxRevLength))
        return Failed<std::string>(At(what, Format(Tr("\"%s\" is missing or wrong"), "rev")));
    result.Value = Text(doc["rev"]);
    return result;
}

std::string SaveSyncRecord(const SyncRecord& record)
{
    rapidjson::StringBuffer buffer;
    JsonWriter writer(buffer);
    auto text = [&](const char* key, const std::string& value) {
        writer.Key(key);
        writer.String(value.c_str(), (rapidjson::SizeType)value.size());
    };
    writer.StartObject();
    writer.Key("version");
    writer.Int(SaveFormatVersion);
    text("url", record.Account.Url);
    text("user", record.Account.User);
    text("password", record.Account.Password);
    text("since", record.Since);
    writer.Key("known");
    writer.StartArray();
    for (const ServerDoc& doc : record.Known)
    {
        writer.StartArray();
        writer.String(doc.Id.c_str(), (rapidjson::SizeType)doc.Id.size());
        writer.String(doc.Rev.c_str(), (rapidjson::SizeType)doc.Rev.size());
        writer.Bool(doc.Deleted);
        writer.EndArray();
    }
    writer.EndArray();
    text("settingsRev", record.SettingsRev);
    if (record.HasSettingsBase)
    {
        writer.Key("settingsBase");
        WriteSettings(writer, ClampSettings(record.SettingsBase));
    }
    writer.Key("lastSync");
    writer.Int64(record.LastSyncWallMs);
    writer.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize());
}

static bool ReadKnown(const JsonValue& doc, SyncRecord& record, const std::string& what, std::string& error)
{
    const JsonValue* known = RequireArray(doc, "known", what, error);
    if (!known)
        return false;
    if (known->Size() > (rapidjson::SizeType)(MaxHistorySessions + MaxDeletions))
        return Fail(error, what, Format(Tr("\"%s\" is too long"), "known"));
    for (const JsonValue& entry : known->GetArray())
    {
        if (!entry.IsArray() || entry.Size() != 3 || !entry[0].IsString() || entry[0].GetStringLength() > (rapidjson::SizeType)MaxSessionIdLength ||
            !IsToken(entry[1], MaxRevLength) || !entry[2].IsBool())
            return Fail(error, what, Format(Tr("\"%s\" is missing or wrong"), "known"));
        record.Known.push_back({ Text(entry[0]), Text(entry[1]), entry[2].GetBool() });
    }
    std::sort(record.Known.begin(), record.Known.end(), [](const ServerDoc& a, const ServerDoc& b) { return a.Id < b.Id; });
    return true;
}

LoadResult<SyncRecord> LoadSyncRecord(std::string_view json)
{
    static const char* const keys[] = { "version", "url", "user", "password", "since", "known", "settingsRev", "settingsBase", "lastSync" };
    // TRANSLATORS: this device's saved sync account and progress, as the place of a problem
    const std::string what = TrC("data", "sync");
    std::string error;
    rapidjson::Document doc;
    LoadResult<SyncRecord> result = {};
    SyncRecord& record = result.Value;
    int version = 0;
    if (!ParseJson(json, doc, what.c_str(), error) || !ReadVersion(doc, SaveFormatVersion, &version, what, error) ||
        !CheckKeys(doc, keys, 9, what, error) || !ReadString(doc, "url", 500, &record.Account.Url, what, error) ||
        !ReadString(doc, "user", 200, &record.Account.User, what, error) || !ReadString(doc, "password", 500, &record.Account.Password, what, error) ||
        !ReadString(doc, "since", MaxSeqLength, &record.Since, what, error) || !ReadKnown(doc, record, what, error) ||
        !ReadString(doc, "settingsRev", MaxRevLength, &record.SettingsRev, what, error) ||
        !ReadInt64(doc, "lastSync", 0, MaxWallMs, &record.LastSyncWallMs, what, error))
        return Failed<SyncRecord>(error);
    record.HasSettingsBase = doc.HasMember("settingsBase");
    if (record.HasSettingsBase && !ReadSettings(doc["settingsBase"], record.SettingsBase, Within(what, "settingsBase"), error))
        return Failed<SyncRecord>(error);
    return result;
}

}  // namespace core
