#include "app/announce.h"

#include "core/catalogue.h"

#include <cstdio>

static const char* SideWord(bc::Side side)
{
    switch (side)
    {
    case bc::Side::Left: return "left side";
    case bc::Side::Right: return "right side";
    case bc::Side::Forward: return "walking forward";
    case bc::Side::Back: return "walking back";
    default: return nullptr;
    }
}

std::string app::DescribeStep(const bc::TimerView& view)
{
    const bc::Exercise& exercise = bc::GetExercise(view.Exercise);
    char text[256];
    switch (view.StepPhase)
    {
    case bc::Phase::GetReady:
        snprintf(text, sizeof(text), "Get ready. First: %s", exercise.Name);
        break;
    case bc::Phase::Work:
    {
        const char* side = SideWord(view.CurrentSide);
        int n = snprintf(text, sizeof(text), "Round %d of %d, %s%s%s", view.Round, view.Rounds, exercise.Name, side ? ", " : "", side ? side : "");
        if (view.Rep > 0 && n > 0 && n < (int)sizeof(text))
            snprintf(text + n, sizeof(text) - n, ", %s %d of %d", bc::GetExercise(view.Exercise).CountUnit[0] == 's' ? "step" : "rep", view.Rep, view.Reps);
        break;
    }
    case bc::Phase::Switch:
        snprintf(text, sizeof(text), "Switch sides. Next: %s", SideWord(view.CurrentSide) ? SideWord(view.CurrentSide) : "other side");
        break;
    case bc::Phase::Rest:
        snprintf(text, sizeof(text), "Rest. Next: %s", exercise.Name);
        break;
    case bc::Phase::RoundRest:
        snprintf(text, sizeof(text), "Round %d of %d done. Rest. Next: %s", view.Round, view.Rounds, exercise.Name);
        break;
    case bc::Phase::Done:
        snprintf(text, sizeof(text), "%s", view.EndedEarly ? "Session ended." : "Circuit complete. Well done.");
        break;
    }
    return text;
}
