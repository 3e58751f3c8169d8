// The language the runner reads and hears: the saved choice (Settings, "" follows the browser) or
// the first of the browser's languages the app speaks. English is built in; another language's
// table arrives from the page (platform::RequestLanguage) and is used from the next frame on, with
// its glyphs (the UI rebuilds its fonts when core::LanguageGeneration() moves).
#pragma once

#include "app/app_state.h"
#include "core/wording.h"

#include <string>

namespace app {

const core::Language& WantedLanguage(const AppState& app);  // what the setting and the browser ask for now
void StartLanguage(AppState& app);                          // at start-up: reads the browser's languages, asks for the wanted one's file
void FollowLanguage(AppState& app);                         // each frame: asks for the wanted language when it is not the active one (another page changed the setting, say)
void ChooseLanguage(AppState& app, const char* tag);        // the Language setting ("" follows the browser): saved, applied once its file is here
bool LanguagePending(const AppState& app);                  // a language's file is on its way

// The page's answers to platform::RequestLanguage (installed by InstallPageEvents; tests call them).
void OnLanguageArrived(AppState& app, const char* tag, std::string bytes);
void OnLanguageFailed(AppState& app, const char* tag);

}  // namespace app
