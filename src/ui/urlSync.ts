/**
 * The address bar follows the page (an adapter around the store, src/ui/mount.tsx): the document
 * whenever it changes and the playhead whenever playback rests, written in place (no history
 * entry per click, none per frame). The writer loads with the first change: it is not needed to
 * show the page.
 */
import type { DiagramStore } from "../store/store";

function replaceUrl(search: string) {
  try {
    window.history.replaceState(
      null,
      "",
      `${window.location.pathname}${search}${window.location.hash}`,
    );
  } catch {
    // A sandboxed frame (an opaque origin) may refuse: the page works on, without a live link.
  }
}

/** Starts syncing; `now` writes at once (a bad parameter is replaced, so a copied link carries what the page shows). */
export function syncUrl(store: DiagramStore, now: boolean): () => void {
  // Changes made while a write is pending are carried by it, since it reads the state when it runs.
  let pending = false;
  const write = () => {
    if (pending) return;
    pending = true;
    void import("./urlWrite").then(({ writeUrlScenario }) => {
      pending = false;
      const s = store.getState();
      replaceUrl(
        writeUrlScenario(
          window.location.search,
          { config: s.config, ops: s.ops, crash: s.failure },
          s.tMs,
        ),
      );
    });
  };
  if (now) write();
  return store.subscribe((state, prev) => {
    const document =
      state.config !== prev.config || state.ops !== prev.ops || state.failure !== prev.failure;
    const rested = !state.playing && (state.tMs !== prev.tMs || prev.playing);
    if (document || rested) write();
  });
}
