/**
 * Everything below the stage, loaded after the first view: the key, what each failure would
 * destroy now, the latency chart, the ledger, and what the configuration means. The stage (mode strip, diagram, buttons, event line, verdict) renders
 * without waiting for it.
 */
import { AboutConfiguration } from "./About";
import { FailedNow } from "./FailedNow";
import { Latency } from "./Latency";
import { Ledger } from "./Ledger";
import { Legend } from "./Legend";

interface BelowStageProps {
  /** An embed asked for its ledger (`ledger=1`) shows only that. */
  readonly only: "all" | "ledger";
}

export default function BelowStage({ only }: BelowStageProps) {
  if (only === "ledger") {
    return (
      <>
        <h2>Operations</h2>
        <Ledger />
      </>
    );
  }
  return (
    <>
      <Legend />
      <FailedNow />
      <Latency />
      <h2>Operations</h2>
      <Ledger />
      <AboutConfiguration />
    </>
  );
}
