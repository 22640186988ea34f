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

export default function BelowStage() {
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
