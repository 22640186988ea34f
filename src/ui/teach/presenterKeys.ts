/**
 * Presenter mode's keys (README, "Teach with it"; their words: PRESENTER in src/text/teach.ts),
 * read from a key press, and what they do to the diagram and the tour. A presenter's clicker
 * sends PageDown and PageUp, "b" or "." from its black-screen button and F5 (Shift+F5) from its
 * slideshow button, sometimes Escape; a keyboard has the rest. None of the letters is used
 * anywhere else on the page; every other key that would scroll the page or move a radio group's
 * choice (the arrows, Home, End) is swallowed, so nothing changes by accident.
 */
import type { FailureKind, OpKind } from "../../model/timeline";
import { SPEEDS, struck, type DiagramStore } from "../../store/store";
import type { TourStore } from "../../store/tour";

export type PresenterAction =
  | { readonly does: "next" | "back" | "play" | "power" | "faster" | "slower" }
  | { readonly does: "issue"; readonly kind: OpKind }
  /** Presenter mode's own: the keys list, the notes window, leaving; and keys that do nothing. */
  | { readonly does: "keys" | "notes" | "exit" | "nothing" };

const NAMED: Readonly<Record<string, PresenterAction>> = {
  PageDown: { does: "next" },
  ArrowRight: { does: "next" },
  " ": { does: "next" },
  PageUp: { does: "back" },
  ArrowLeft: { does: "back" },
  b: { does: "play" },
  ".": { does: "play" },
  w: { does: "issue", kind: "normal" },
  s: { does: "issue", kind: "osync" },
  f: { does: "issue", kind: "barrier" },
  d: { does: "issue", kind: "odirect" },
  x: { does: "power" },
  F5: { does: "power" },
  "+": { does: "faster" },
  "=": { does: "faster" },
  "-": { does: "slower" },
  _: { does: "slower" },
  n: { does: "notes" },
  "?": { does: "keys" },
  Escape: { does: "exit" },
  ArrowUp: { does: "nothing" },
  ArrowDown: { does: "nothing" },
  Home: { does: "nothing" },
  End: { does: "nothing" },
};

/** What a key press does in presenter mode, or null: not presenter mode's (the browser's own). */
export function presenterAction(e: {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
}): PresenterAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  return NAMED[e.key.length === 1 ? e.key.toLowerCase() : e.key] ?? null;
}

/**
 * Does a diagram-and-tour action (the others are presenter mode's own). `gate`: the page's
 * "predict before a failure", which asks first.
 */
export function act(
  action: PresenterAction,
  diagram: DiagramStore,
  tours: TourStore | null,
  gate: ((kind: FailureKind) => void) | null,
): void {
  const d = diagram.getState();
  const tour = tours?.getState().tour ? tours.getState() : null;
  switch (action.does) {
    case "next":
      if (!tour?.next()) d.step(1);
      return;
    case "back":
      if (!tour?.previous()) d.step(-1);
      return;
    case "play":
      if (!struck(d)) d.setPlaying(!d.playing);
      return;
    case "issue":
      d.issue(action.kind);
      return;
    case "power":
      // On an unanswered prediction the failure is the step's own: Reveal strikes it.
      if (tour?.tour?.steps[tour.step]?.predict && !tour.revealed) tour.reveal();
      else if (d.ops.length > 0 && !struck(d)) {
        if (gate) gate("power");
        else d.fail("power");
      }
      return;
    case "faster":
    case "slower": {
      const i = SPEEDS.indexOf(d.speed) + (action.does === "faster" ? 1 : -1);
      const speed = SPEEDS[Math.max(0, Math.min(i, SPEEDS.length - 1))];
      if (speed !== undefined) d.setSpeed(speed);
      return;
    }
    default:
      return;
  }
}
