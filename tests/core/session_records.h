// A finished two-round session of ten minutes, for the core tests that need history records.
#pragma once

#include "core/history.h"

#include <string>

inline core::SessionRecord Record(const std::string& id, int64_t started_wall_ms)
{
    core::SessionRecord r = {};
    r.Id = id;
    r.StartedWallMs = started_wall_ms;
    r.EndedWallMs = started_wall_ms + 600'000;
    r.DurationMs = 600'000;
    r.RoundsPlanned = 2;
    r.RoundsDone = 2;
    r.Finished = true;
    r.RepsDone[0][(int)core::Side::Left] = 10;
    return r;
}
