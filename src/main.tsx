/**
 * The page: the scenario and view from the address bar (or, when it names no scenario, the one
 * the tab kept: src/link/kept.ts), mounted (src/ui/mount.tsx), the address bar kept in step, and
 * in an embed the message API for the host page (src/embed/frame.ts).
 */
import { mountDiagram } from "./ui/mount";
import type { TourStore } from "./store/tour";
import { forget, keepOnLeave, readKept } from "./link/kept";
import { readNotes, readPlay, readView } from "./link/view";
import { applyTheme } from "./ui/theme";
// The page's styles; the element brings its own into its shadow root (src/embed/element.ts).
import "./ui/app.css";

const container = document.getElementById("root");
if (container === null) {
  throw new Error("index.html has no #root element");
}

const search = window.location.search;
const hash = window.location.hash;
const view = readView(window.location.href);
// Before the first render: the page is drawn in its colours from the start.
applyTheme(document.documentElement, view.theme);
const notes = readNotes(search);
// An embed keeps nothing: several on one docs page would share the tab's storage; nor does the
// speaker notes window, which shows no scenario.
const keeps = !view.embed && !notes;
const kept = keeps ? readKept() : null;
if (keeps) keepOnLeave();

const start = (url: typeof import("./link/url") | null) => {
  const { doc, tMs, notices, from } = url
    ? url.startingScenario(search, hash, kept)
    : { doc: undefined, tMs: null, notices: [], from: "address" as const };
  if (from === "dropped") forget();
  let tours: TourStore | null = null;
  let address: { watchTours: (tours: TourStore) => void } | null = null;
  const { store } = mountDiagram(container, {
    doc,
    tMs: tMs ?? 0,
    notices,
    view,
    play: readPlay(search),
    onTours: (created) => {
      tours = created;
      address?.watchTours(created);
    },
  });
  // The address bar's writer is not part of the first view: it follows once loaded, at once if
  // anything changed meanwhile (or a bad parameter must be replaced).
  const opened = store.getState();
  void import("./link/urlSync").then(({ syncUrl }) => {
    const now = store.getState();
    const changed =
      now.config !== opened.config ||
      now.ops !== opened.ops ||
      now.failure !== opened.failure ||
      now.tMs !== opened.tMs;
    // A kept scenario is written at once: the address bar then holds what the page shows.
    address = syncUrl(store, notices.length > 0 || changed || from === "kept");
    if (tours) address.watchTours(tours);
  });
  if (view.embed) {
    void import("./embed/frame").then(({ connectFrame }) => {
      connectFrame(store, search);
    });
  }
};

// A page opened without parameters (and nothing kept) needs no URL reader: it is fetched only
// for a link that has some (one more request before the first view, for those links only).
// Presenter mode's speaker notes window shows no diagram: its own small view.
if (notes) {
  void import("./ui/teach/Notes").then(({ mountNotes }) => {
    mountNotes(container);
  });
} else if (search.length > 1 || hash.length > 1 || kept !== null)
  void import("./link/url").then(start);
else start(null);
