/**
 * Token shapes, one per kind of operation, so the kind never depends on colour alone (WCAG
 * 1.4.1): normal ● circle, O_SYNC ■ square, barrier ◆ diamond, O_DIRECT ▼ triangle.
 */
import type { OpKind } from "../model/timeline";

/** Paths centred on (0, 0), about 12 viewBox units across. */
export const TOKEN_SHAPE: Readonly<Record<OpKind, string>> = {
  normal: "M 6 0 A 6 6 0 1 1 -6 0 A 6 6 0 1 1 6 0 Z",
  osync: "M -5.5 -5.5 H 5.5 V 5.5 H -5.5 Z",
  barrier: "M 0 -7.5 L 7.5 0 L 0 7.5 L -7.5 0 Z",
  odirect: "M -6.5 -5 H 6.5 L 0 6.5 Z",
};

export const TOKEN_SYMBOL: Readonly<Record<OpKind, string>> = {
  normal: "●",
  osync: "■",
  barrier: "◆",
  odirect: "▼",
};
