// Where a tempo part begins within a rep, as the rep phase (0..1) the figure is posed at: the
// figure tests of test_pose.cpp and test_figure_layout.cpp sample the motion there.
#pragma once

#include "core/catalogue.h"

// Phase at the end of tempo part `part` of the exercise's rep (0 = the start of the rep).
inline float PartBoundary(core::ExerciseId id, int part)
{
    const core::Exercise& exercise = core::GetExercise(id);
    int sum = 0;
    for (int i = 0; i < part; i++)
        sum += exercise.Tempo[i].DurationMs;
    return (float)sum / (float)core::RepDurationMs(exercise);
}
