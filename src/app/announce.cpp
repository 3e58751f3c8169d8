#include "app/announce.h"

#include "core/catalogue.h"
#include "core/coach.h"
#include "core/wording.h"

#include <cstdio>

std::string app::DescribeStep(const core::TimerView& view)
{
    const core::Exercise& exercise = core::GetExercise(view.Exercise);
    const char* name = core::Tr(exercise.Name);
    char text[512];
    switch (view.StepPhase)
    {
    case core::Phase::GetReady:
        // TRANSLATORS: for screen readers as the get-ready step begins; %s is the first exercise's name
        snprintf(text, sizeof(text), core::Tr("Get ready. First: %s"), name);
        break;
    case core::Phase::Work:
    {
        // For screen readers as a set begins and on the workout page: "Round 1 of 2, Banded deadbug,
        // left side, rep 3 of 10" (the side and the rep when there are).
        const char* side = core::SidePhrase(view.CurrentSide);
        const bool steps = exercise.CountUnit[0] == 's';
        if (view.Rep > 0 && side)
            // TRANSLATORS: round, rounds, the exercise's name, its side ("left side", "walking forward"), rep, reps
            snprintf(text, sizeof(text), steps ? core::Tr("Round %d of %d, %s, %s, step %d of %d") : core::Tr("Round %d of %d, %s, %s, rep %d of %d"),
                     view.Round, view.Rounds, name, side, view.Rep, view.Reps);
        else if (view.Rep > 0)
            // TRANSLATORS: round, rounds, the exercise's name, rep, reps
            snprintf(text, sizeof(text), steps ? core::Tr("Round %d of %d, %s, step %d of %d") : core::Tr("Round %d of %d, %s, rep %d of %d"),
                     view.Round, view.Rounds, name, view.Rep, view.Reps);
        else if (side)
            // TRANSLATORS: round, rounds, the exercise's name, its side ("left side", "walking forward")
            snprintf(text, sizeof(text), core::Tr("Round %d of %d, %s, %s"), view.Round, view.Rounds, name, side);
        else
            // TRANSLATORS: round, rounds, the exercise's name
            snprintf(text, sizeof(text), core::Tr("Round %d of %d, %s"), view.Round, view.Rounds, name);
        break;
    }
    case core::Phase::Switch:
        if (const char* side = core::SidePhrase(view.CurrentSide))
            // TRANSLATORS: for screen readers as a switch begins; %s is the side that comes next ("right side", "walking back")
            snprintf(text, sizeof(text), core::Tr("Switch sides. Next: %s"), side);
        else
            snprintf(text, sizeof(text), "%s", core::Tr("Switch sides. Next: other side"));
        break;
    case core::Phase::Rest:
        // TRANSLATORS: for screen readers as a rest begins; %s is the next exercise's name
        snprintf(text, sizeof(text), core::Tr("Rest. Next: %s"), name);
        break;
    case core::Phase::RoundRest:
        // TRANSLATORS: for screen readers as the rest after a round begins: round, rounds, the next exercise's name
        snprintf(text, sizeof(text), core::Tr("Round %d of %d done. Rest. Next: %s"), view.Round, view.Rounds, name);
        break;
    case core::Phase::Done:
        snprintf(text, sizeof(text), "%s", view.EndedEarly ? core::Tr("Session ended.") : core::FinishSentence());
        break;
    }
    return text;
}
