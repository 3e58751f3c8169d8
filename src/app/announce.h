// What a screen reader hears of the session (the aria-live region, platform::Announce): one
// sentence for where the timer stands.
#pragma once

#include "core/timer.h"

#include <string>

namespace app {

std::string DescribeStep(const core::TimerView& view);  // "Round 1 of 2, banded deadbug, left side, rep 3 of 10"

}  // namespace app
