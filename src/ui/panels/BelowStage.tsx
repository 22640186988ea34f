/**
 * Everything below the stage, loaded after the first view: the key, what each failure would
 * destroy now, the latency chart, the ledger, and what the configuration means. The stage (mode strip, diagram, buttons, event line, verdict) renders
 * without waiting for it.
 */
import { AboutConfiguration } from "./About";
import { FailedNow } from "./FailedNow";
import { Latency } from "./Latency";
import { Ledger } from "./Ledger";
import { Legend } from "../stage/Legend";
import { LEDGER } from "../../text/ledger";
import { LATENCY } from "../../text/panels";

/**
 * An embed asked for its ledger (`ledger=1`) shows only that; the compared diagram shows its
 * latency chart and its ledger, named after its mode.
 */
type BelowStageProps =
  | { readonly only: "all" | "ledger" }
  | {
      readonly only: "compared";
      /** Which diagram the compared one is, said in its tables' names: "under cache=… (compared)". */
      readonly compared: string;
    };

export default function BelowStage(props: BelowStageProps) {
  const { only } = props;
  if (only === "ledger") {
    return (
      <>
        <h2>{LEDGER.name}</h2>
        <Ledger />
      </>
    );
  }
  if (props.only === "compared") {
    return (
      <>
        <Latency name={LATENCY.compared(props.compared)} lab={false} />
        <Ledger name={LEDGER.compared(props.compared)} />
      </>
    );
  }
  return (
    <>
      <Legend />
      <FailedNow />
      <Latency />
      <h2>{LEDGER.name}</h2>
      <Ledger />
      <AboutConfiguration />
    </>
  );
}
