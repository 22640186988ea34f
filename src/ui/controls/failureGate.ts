import { createContext } from "react";
import type { FailureKind } from "../../model/timeline";

/**
 * "Predict before a failure" (README, "Teach with it"): when set, a failure button asks the
 * learner first (a prediction, src/store/tour.ts) instead of striking at once.
 */
export const FailureGate = createContext<((kind: FailureKind) => void) | null>(null);
