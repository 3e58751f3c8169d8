// The core browser scenarios (scenarios.mjs) in firefox.
import { coreScenarios } from "./scenarios.mjs";

coreScenarios("firefox");
