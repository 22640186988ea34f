/**
 * Token shapes, one per kind of operation, so the kind never depends on colour alone (WCAG
 * 1.4.1): normal ● circle, O_SYNC ■ square, barrier ◆ diamond, O_DIRECT ▼ triangle.
 */
import type { OpKind } from "../model/timeline";

export const TOKEN_SHAPE: Readonly<Record<OpKind, string>> = {
  normal: "M 5 0 A 5 5 0 1 1 -5 0 A 5 5 0 1 1 5 0 Z",
  osync: "M -4.5 -4.5 H 4.5 V 4.5 H -4.5 Z",
  barrier: "M 0 -6 L 6 0 L 0 6 L -6 0 Z",
  odirect: "M -5.5 -4 H 5.5 L 0 5.5 Z",
};

export const TOKEN_SYMBOL: Readonly<Record<OpKind, string>> = {
  normal: "●",
  osync: "■",
  barrier: "◆",
  odirect: "▼",
};
