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
