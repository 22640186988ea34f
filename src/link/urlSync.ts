/**
 * The address bar follows the page (an adapter around the stores, src/ui/mount.tsx): the document
 * whenever it changes, the playhead whenever playback rests, and an open tour's step, written in
 * place (no history entry per click, none per frame). The writer loads with the first change: it
 * is not needed to show the page.
 */
import type { DiagramStore } from "../store/store";
import type { TourStore } from "../store/tour";

function replaceUrl(link: string) {
  try {
    window.history.replaceState(null, "", `${window.location.pathname}${link}`);
  } catch {
    // A sandboxed frame (an opaque origin) may refuse: the page works on, without a live link.
  }
}

interface Scheduler {
  postTask(task: () => void, options: { priority: "background" }): Promise<unknown>;
}

/**
 * Runs `task` at background priority where the browser has the Prioritized Task Scheduling API
 * (Chromium, Firefox): usually after the next paint. Elsewhere, on a timer.
 */
function afterPaint(task: () => void): void {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (scheduler) void scheduler.postTask(task, { priority: "background" });
  else setTimeout(task, 0);
}

/** The address bar's latest write, settled once the link shows what the page shows. */
let written: Promise<void> = Promise.resolve();

/** Resolves once the address bar holds the page's current link ("Copy link" waits for it). */
export function addressWritten(): Promise<void> {
  return written;
}

/**
 * Starts syncing; `now` writes at once (a bad parameter is replaced, so a copied link carries
 * what the page shows). `watchTours` adds the tour's store once it exists.
 */
export function syncUrl(store: DiagramStore, now: boolean) {
  let tours: TourStore | null = null;
  // Changes made while a write is pending are carried by it, since it reads the state when it runs.
  let pending = false;
  // At background priority: a thousand writes make a long link, and writing it cost the click a
  // few milliseconds before its first frame (bench:ui, click to paint). With MAX_WRITES writes
  // (a 75 KB link) the task took 20–47 ms on the 2-core development machine (Chromium, measured
  // once), nearly all of it in replaceState: writing the fragment takes about 1 ms for a write
  // added (src/link/urlWrite.ts keeps the others' text), about 15 ms once for a new list (a file).
  const write = () => {
    if (pending) return;
    pending = true;
    written = new Promise((done) => {
      afterPaint(() => {
        writeNow(done);
      });
    });
  };
  const writeNow = (done: () => void) => {
    void import("./urlWrite")
      .then(
        ({ writeUrlScenario }) => {
          pending = false;
          const s = store.getState();
          const open = tours?.getState();
          const { search, hash } = writeUrlScenario(
            window.location.search,
            { config: s.config, ops: s.ops, crash: s.failure },
            s.tMs,
            open?.tour ? { id: open.tour.id, step: open.step } : null,
          );
          replaceUrl(`${search}${hash}`);
        },
        () => {
          // The writer could not load (offline): the next change tries again.
          pending = false;
        },
      )
      .finally(done);
  };
  if (now) write();
  store.subscribe((state, prev) => {
    const document =
      state.config !== prev.config || state.ops !== prev.ops || state.failure !== prev.failure;
    const rested = !state.playing && (state.tMs !== prev.tMs || prev.playing);
    if (document || rested) write();
  });
  return {
    watchTours: (created: TourStore) => {
      tours = created;
      created.subscribe((state, prev) => {
        if (state.tour !== prev.tour || state.step !== prev.step) write();
      });
    },
  };
}
