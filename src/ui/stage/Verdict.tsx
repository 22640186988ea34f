/**
 * The verdict beside the diagram: what a host power cut does to this configuration's synced and
 * buffered data, computed by the model (src/text/verdict.ts). Compact enough for a 1024×768 projector: a
 * heading-less region of about three short lines, the assumptions one click away. The verdict is
 * carried by ✔/✘ and words, never by colour alone.
 */
import type { SessionConfig } from "../../scenario/session";
import { useDiagram } from "../app/useDiagram";
import { PAGE } from "../../text/page";
import { verdict, VERDICT_WORDS } from "../../text/verdict";
import { PROMISE } from "../../text/vocabulary";

interface VerdictProps {
  /** The region's name: the compared diagram's verdict says which it is. */
  readonly name?: string;
}

/** The verdict for a given configuration (no store needed: what the tests render). */
export function VerdictView({
  config,
  name = PAGE.verdict,
}: VerdictProps & { readonly config: SessionConfig }) {
  const v = verdict(config);
  return (
    <section className="verdict" aria-label={name}>
      <p className={`verdict-${v.synced}`} data-verdict={v.synced}>
        {v.syncedText}
        {v.databaseText === null ? null : (
          <>
            {" "}
            <strong>{v.databaseText}</strong>
          </>
        )}
      </p>
      {v.legacyGuestText === null ? null : <p className="verdict-caveat">{v.legacyGuestText}</p>}
      <p className="verdict-buffered">{v.bufferedText}</p>
      <details className="verdict-assumptions">
        <summary>{VERDICT_WORDS.why}</summary>
        {v.syncedReason === null ? null : <p>{v.syncedReason}</p>}
        <p className="verdict-window">{v.windowText}</p>
        <ul>
          {v.assumptions.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
        <p className="verdict-tie">{PROMISE.tie}</p>
      </details>
    </section>
  );
}

/** The verdict for the configuration in the diagram store. */
export function Verdict({ name }: VerdictProps) {
  const config = useDiagram((s) => s.config);
  return <VerdictView config={config} name={name} />;
}
