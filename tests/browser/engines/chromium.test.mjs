// The core browser scenarios (scenarios.mjs) in chromium.
import { coreScenarios } from "./scenarios.mjs";

coreScenarios("chromium");
