/**
 * Token shapes, one per kind of operation, so the kind never depends on colour alone (WCAG
 * 1.4.1): normal ● circle, O_SYNC ■ square, barrier ◆ diamond, O_DIRECT ▼ triangle. About 24
 * viewBox units across (≥ 20 px on a 1024×768 projector), room for a two-digit number inside.
 */
import type { OpKind } from "../model/timeline";

/** Paths centred on (0, 0). */
export const TOKEN_SHAPE: Readonly<Record<OpKind, string>> = {
  normal: "M 12 0 A 12 12 0 1 1 -12 0 A 12 12 0 1 1 12 0 Z",
  osync: "M -11 -11 H 11 V 11 H -11 Z",
  barrier: "M 0 -14 L 14 0 L 0 14 L -14 0 Z",
  odirect: "M -14 -11 H 14 L 0 14 Z",
};

/** A journal commit block (with reordering): a flat bar, wider than any write's shape. */
export const JOURNAL_SHAPE = "M -16 -9 H 16 V 9 H -16 Z";

export const TOKEN_SYMBOL: Readonly<Record<OpKind, string>> = {
  normal: "●",
  osync: "■",
  barrier: "◆",
  odirect: "▼",
};

/** The lost mark: a cross over the token, wider than any shape so it reads at a glance. */
export const LOST_CROSS = "M -13 -13 L 13 13 M 13 -13 L -13 13";

/** The ack mark: a pill with "ack" inside, as wide as two tokens' halos. */
export const ACK_PILL = { x: -22, y: -11, width: 44, height: 22, rx: 11, text: "ack", textY: 5 };

/**
 * Stroke widths in viewBox units: a halo wide enough that a token reads over any arrow (a tour's
 * highlighted write has a blue one, a little narrower so the outline stays crisp), the outline,
 * the lost cross, and the ack pill's outline.
 */
export const STROKE = { halo: 8, highlightedHalo: 7, outline: 2.5, lost: 4, ack: 2 } as const;

/** What a token or a journal commit block looks like: the one description every painter draws. */
export interface TokenFace {
  readonly kind: OpKind | "journal";
  readonly shape: string;
  readonly haloWidth: number;
  /** The number inside (or the journal block's "J"), and its baseline. */
  readonly label: { readonly text: string; readonly y: number } | null;
  readonly lost: boolean;
  readonly highlighted: boolean;
}

/**
 * The face of a write (`label`: its number, or null past the count that stays legible) or of a
 * journal commit block, a flat bar with a "J" unlike any write's shape (docs/model.md §8.14). The
 * O_DIRECT triangle points down, so its number sits higher.
 */
export function tokenFace(
  kind: OpKind | "journal",
  { label, lost, highlighted }: { label: string | null; lost: boolean; highlighted: boolean },
): TokenFace {
  const journal = kind === "journal";
  return {
    kind,
    shape: journal ? JOURNAL_SHAPE : TOKEN_SHAPE[kind],
    haloWidth: highlighted ? STROKE.highlightedHalo : STROKE.halo,
    label: journal
      ? { text: "J", y: 5 }
      : label === null
        ? null
        : { text: label, y: kind === "odirect" ? -1 : 5 },
    lost: !journal && lost,
    highlighted,
  };
}
