// The session in progress, between the core timer and the browser: actions from buttons and
// keys, the cues (tones, speech, vibration, flash, the aria-live text) for each timer event, the
// saves at every step change, and the history entry when the session ends.
#pragma once

#include "app/app_state.h"

namespace app {

void StartSession(AppState& app, double now_ms);
void PauseSession(AppState& app, double now_ms);
void ResumeSession(AppState& app, double now_ms);
void SkipStep(AppState& app, double now_ms);
void BackStep(AppState& app, double now_ms);
void FinishSet(AppState& app, double now_ms);   // "Done" in a self-paced set (a double tap is stopped by app/tap_guard.h)
void ExtendStep(AppState& app, double now_ms);  // "+15 s" on a get-ready, switch or rest
void EndSession(AppState& app, double now_ms);  // end early: kept in history as ended early
void DiscardSession(AppState& app);             // drop a restored session without recording it

void PreviewCueVolume(AppState& app);  // the volume setting just changed: applied at once and heard (one rep tone)

void UpdateSession(AppState& app, double now_ms);       // once per frame: app.View, cues, saves, finish
void SaveSessionNow(AppState& app, double now_ms);      // page hidden or closing
void ScheduleHiddenCues(AppState& app, double now_ms);  // page hidden: the coming tones play from the audio clock
void PageShown(AppState& app, double now_ms);           // page visible again: tones already scheduled are not replayed

}  // namespace app
