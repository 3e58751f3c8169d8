// Choosing, fetching and switching the language. A language switch never waits on the screen: the
// old language stays until the new one's file is here, then the next frame draws the new one.
// A file that cannot be fetched (offline on a first choice) or read leaves the language as it was
// and says so; choosing again asks again.
#include "app/language.h"

#include "app/persistence.h"
#include "core/wording.h"

#include <cstdio>
#include <cstring>

namespace app {

const core::Language& WantedLanguage(const AppState& app)
{
    if (const core::Language* chosen = core::FindLanguage(app.Settings.Language))
        return *chosen;
    return core::MatchLanguage(app.Language.Browser);
}

static void Apply(AppState& app)
{
    const core::Language& active = core::ActiveLanguage();
    // TRANSLATORS: what a screen reader calls the group of the session's numbers (round, rep, time).
    platform::SetPageLanguage(active.Tag, active.RightToLeft, core::Tr("Session status"));
    const int browser = platform::BrowserFirstWeekday(active.Tag);
    app.Language.FirstWeekday = browser >= 0 && browser <= 6 ? browser : active.FirstWeekday;
    RequestAnimation(app);
}

void StartLanguage(AppState& app)
{
    app.Language.Browser = platform::PreferredLanguages();
    Apply(app);
    FollowLanguage(app);
}

// The file the page is asked for that holds the glyphs of the languages' own names.
static const char NamesFile[] = "names";

void FollowLanguage(AppState& app)
{
    if (app.Screens.Current == Screen_Settings && !app.Language.NamesAsked)
    {
        app.Language.NamesAsked = true;  // once per page: until they come, the list shows those names in English
        platform::RequestLanguage(NamesFile);
    }
    const core::Language& wanted = WantedLanguage(app);
    if (&wanted == &core::ActiveLanguage())
    {
        app.Language.Requested.clear();  // chosen back before the other one arrived
        return;
    }
    if (app.Language.Requested == wanted.Tag || app.Language.Failed == wanted.Tag)
        return;
    if (&wanted == &core::LanguageAt(0))
    {
        core::UseEnglish();
        app.Language.Requested.clear();
        Apply(app);
        return;
    }
    app.Language.Requested = wanted.Tag;
    platform::RequestLanguage(wanted.Tag);
}

void ChooseLanguage(AppState& app, const char* tag)
{
    const core::Language* lang = core::FindLanguage(tag);
    snprintf(app.Settings.Language, sizeof(app.Settings.Language), "%s", lang ? lang->Tag : "");
    SaveSettings(app);
    app.Language.Failed.clear();
    FollowLanguage(app);
}

bool LanguagePending(const AppState& app)
{
    return !app.Language.Requested.empty();
}

void OnLanguageArrived(AppState& app, const char* tag, std::string bytes)
{
    if (strcmp(tag, NamesFile) == 0)
    {
        if (core::UseNameGlyphs(std::move(bytes), nullptr))
            RequestAnimation(app);
        return;
    }
    if (app.Language.Requested != tag)
        return;  // a language asked for before another was chosen
    app.Language.Requested.clear();
    std::string error;
    if (!core::UseLanguage(tag, std::move(bytes), &error))
    {
        app.Language.Failed = tag;
        RequestAnimation(app);
        return;
    }
    app.Language.Failed.clear();
    Apply(app);
}

void OnLanguageFailed(AppState& app, const char* tag)
{
    if (app.Language.Requested != tag)
        return;
    app.Language.Requested.clear();
    app.Language.Failed = tag;
    RequestAnimation(app);
}

}  // namespace app
