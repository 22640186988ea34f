/**
 * Speaker notes, as slide software has them: presenter mode opens a second window of the same
 * app (`?notes=1`, src/ui/teach/Notes.tsx) that shows the open step's narration while the room
 * sees the stage. The two windows talk over a BroadcastChannel (same origin; the channel is named
 * after the page's path, so two copies of the app on one site never hear each other): the
 * presenting window says where the tour stands, the notes window says hello (and is answered)
 * and passes on the clicker's keys pressed while it has the focus.
 */
import type { TourState } from "../../store/tour";
import type { PresenterAction } from "./presenterKeys";

/** What the notes window shows of the open step (all of it words the tour files hold). */
export interface StepNotes {
  readonly tour: string;
  /** 1-based. */
  readonly step: number;
  readonly steps: number;
  readonly title: string;
  readonly caption: string;
  readonly narration: string;
  /** A prediction step's explanation, for after Reveal; null on other steps. */
  readonly reveal: string | null;
  readonly predict: boolean;
  readonly revealed: boolean;
  /** The next step's title, or null on the last. */
  readonly next: string | null;
}

export interface ToNotes {
  readonly kind: "notes";
  readonly notes: StepNotes | null;
}
export type ToPresenter =
  { readonly kind: "hello" } | { readonly kind: "action"; readonly action: PresenterAction };
/** Every window on the channel hears every other: a message, whoever it is meant for. */
export type NotesMessage = ToNotes | ToPresenter;

/** The notes for the tour's open step, or null when no tour is open. */
export function notesOf(state: Pick<TourState, "tour" | "step" | "revealed">): StepNotes | null {
  const { tour, step: index, revealed } = state;
  const step = tour?.steps[index];
  if (!tour || !step) return null;
  return {
    tour: tour.title,
    step: index + 1,
    steps: tour.steps.length,
    title: step.title,
    caption: step.caption,
    narration: step.narration,
    reveal: step.reveal ?? null,
    predict: step.predict === true,
    revealed,
    next: tour.steps[index + 1]?.title ?? null,
  };
}

/** The channel both windows of this page (this path) share. */
export function notesChannel(): BroadcastChannel {
  return new BroadcastChannel(`kvm-cache-diagram-notes ${window.location.pathname}`);
}

/** The notes window's address: this page, at this path, with only `notes=1`. */
export function notesUrl(href: string): string {
  const url = new URL(href);
  url.search = "?notes=1";
  url.hash = "";
  return url.toString();
}
