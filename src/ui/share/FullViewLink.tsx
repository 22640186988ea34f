/**
 * An embed's way out: the same scenario at the same moment in the full page, in a new tab
 * (docs/embedding.md). The link is made from the store, not the frame's address bar, which a
 * sandboxed frame may not be allowed to update (its origin reads "null"; its href does not).
 */
import { useMemo } from "react";
import { FULL_VIEW } from "../../text/share";
import { writeUrlScenario } from "../../link/urlWrite";
import { useDiagram } from "../app/useDiagram";

/** The embed's own parameters: never carried into a link to the full view. */
const EMBED_PARAMS = ["embed", "ledger", "play", "origin"] as const;

interface FullViewLinkProps {
  /** The full page's address; its view parameters are dropped, the scenario written in. */
  readonly base: string;
}

export default function FullViewLink({ base }: FullViewLinkProps) {
  const config = useDiagram((s) => s.config);
  const ops = useDiagram((s) => s.ops);
  const crash = useDiagram((s) => s.failure);
  const tMs = useDiagram((s) => s.tMs);
  const href = useMemo(() => {
    const url = new URL(base);
    for (const name of EMBED_PARAMS) url.searchParams.delete(name);
    const link = writeUrlScenario(url.search, { config, ops, crash }, tMs);
    url.search = link.search;
    url.hash = link.hash;
    return url.href;
  }, [base, config, ops, crash, tMs]);
  return (
    <p className="embed-footer">
      <a href={href} target="_blank" rel="noopener">
        {FULL_VIEW.link}
      </a>
      {FULL_VIEW.source}
    </p>
  );
}
