/**
 * Everything below the stage, loaded after the first view: the key, what each failure would
 * destroy now, the ledger, and what the configuration means. The stage (mode strip, diagram, buttons, event line, verdict) renders
 * without waiting for it.
 */
import { AboutConfiguration } from "./About";
import { FailedNow } from "./FailedNow";
import { Ledger } from "./Ledger";
import { Legend } from "./Legend";

export default function BelowStage() {
  return (
    <>
      <Legend />
      <FailedNow />
      <h2>Operations</h2>
      <Ledger />
      <AboutConfiguration />
    </>
  );
}
