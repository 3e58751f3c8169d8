// Exercise screen (first version: title and way back).
#include "ui/screens.h"

#include "ui/widgets.h"

void ui::DrawExerciseScreen(AppState& app)
{
    BeginPage("Exercise");
    if (PageHeader("Exercise", "Back"))
        Navigate(app.Previous == Screen_Exercise ? Screen_Home : app.Previous);
    EndPage();
}

void ui::OpenExercise(AppState& app, bc::ExerciseId exercise)
{
    app.ShownExercise = exercise;
    app.ShownSide = bc::GetExercise(exercise).Style == bc::SetStyle::Directions ? bc::Side::Forward : bc::Side::Left;
    app.ShownCamera = bc::DefaultCamera(exercise, app.ShownSide);
    app.ShownPlaying = !app.ReducedMotion;
    app.ShownPhaseOriginMs = app.NowMs;
    Navigate(Screen_Exercise);
}
