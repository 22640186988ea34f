/**
 * The gutter's marks: the "done" flag beside the layer where an O_SYNC call returns, and the
 * danger zone from there down to stable storage — the layers holding data the guest was told
 * was written, which a power cut would still destroy (the article in one picture).
 */
import { BOXES, GUTTER_MARKS, type BoxId } from "./layout";

export interface DoneMarks {
  /** The flag's pole foot and top. */
  readonly flag: { readonly x: number; readonly top: number; readonly foot: number };
  /** The danger zone, or null when the call returns on stable storage. */
  readonly danger: {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
  } | null;
}

/** Flag and danger zone for a call returning in `done`, with stable storage in `stable`. */
export function doneMarks(done: BoxId, stable: BoxId): DoneMarks {
  const box = BOXES[done];
  const flag = { x: GUTTER_MARKS.flag.x, top: box.y + 4, foot: box.y + 30 };
  if (done === stable) return { flag, danger: null };
  // From the top of the layer that said "done" to just above stable storage.
  const y = box.y;
  const bottom = BOXES[stable].y - 6;
  return {
    flag,
    danger: { x: GUTTER_MARKS.band.x, y, width: GUTTER_MARKS.band.width, height: bottom - y },
  };
}
