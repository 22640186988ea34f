/**
 * The page: the scenario and view from the address bar, mounted (src/ui/mount.tsx), the address
 * bar kept in step, and in an embed the message API for the host page (src/embed/frame.ts).
 */
import { mountDiagram } from "./ui/mount";
import { syncUrl } from "./ui/urlSync";
import { readPlay, readView } from "./ui/view";
// The page's styles; the element brings its own into its shadow root (src/embed/element.ts).
import "./ui/app.css";

const container = document.getElementById("root");
if (container === null) {
  throw new Error("index.html has no #root element");
}

const search = window.location.search;

const start = (url: typeof import("./ui/url") | null) => {
  const { doc, tMs, notices } = url
    ? url.readUrlScenario(search)
    : { doc: undefined, tMs: null, notices: [] };
  const view = readView(window.location.href);
  let address: ReturnType<typeof syncUrl> | null = null;
  const { store } = mountDiagram(container, {
    doc,
    tMs: tMs ?? 0,
    notices,
    view,
    play: readPlay(search),
    onTours: (tours) => {
      address?.watchTours(tours);
    },
  });
  address = syncUrl(store, notices.length > 0);
  if (view.embed) {
    void import("./embed/frame").then(({ connectFrame }) => {
      connectFrame(store, search);
    });
  }
};

// A page opened without parameters needs no URL reader: it is fetched only for a link that has
// some (one more request before the first view, for those links only).
if (search.length > 1) void import("./ui/url").then(start);
else start(null);
