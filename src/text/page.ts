/**
 * The page's own words: its title and lede, the regions' names, what stands in while a part
 * loads, the event line's fixed sentences and notes, the source. Part of the first view.
 */
import type { ConfigNote, StrikeNote } from "../store/store";

export const PAGE = {
  title: "KVM cache modes",
  /** The top bar's buttons: tours, presenter mode, compare, import and share. */
  actions: "Tours and tools",
  lede: "Where a KVM guest's writes stop before it is told “done”, under each QEMU cache mode, and what a failure destroys.",
  simulation: "Simulation",
  thisConfiguration: "This configuration",
  thisRun: "This run",
  tour: "Tour",
  verdict: "Verdict",
  loadingLedger: "Loading the ledger…",
  matrix: "Safety matrix: every mode at a glance",
  computingMatrix: "Computing the matrix…",
  source:
    "After G. Danti, “KVM storage performance and cache settings on Red Hat Enterprise Linux 6.2” (2012). The rules and their sources: docs/model.md in the project.",
} as const;

/** The event line's sentences that are not about an event (those: ./sentences.ts). */
export const EVENT_LINE = {
  empty: "Issue a write (an O_SYNC write shows the mode's arrow best), then press Play.",
  /** " …and 3 more at the same moment." */
  more: (n: number) => ` …and ${String(n)} more at the same moment.`,
  start: " Press Play to watch.",
  configNote: {
    rerun: "The same writes were run again under the new configuration.",
  } satisfies Record<ConfigNote, string>,
  strikeNote: {
    "worst-so-far": "(At the worst moment so far.)",
    "none-at-risk": "(Now: no acknowledged write was at risk so far.)",
  } satisfies Record<StrikeNote, string>,
} as const;
