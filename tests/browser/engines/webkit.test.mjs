// The core browser scenarios (scenarios.mjs) in webkit.
import { coreScenarios } from "./scenarios.mjs";

coreScenarios("webkit");
