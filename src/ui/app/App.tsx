import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";
import type { DiagramStore } from "../../store/store";
import type { TourStore } from "../../store/tour";
import { Configuration, ModeStrip } from "../controls/Configuration";
import { Diagram } from "../stage/Diagram";
import { EventLine } from "../stage/EventLine";
import { Notices } from "./Notices";
import { Toolbar } from "../controls/Toolbar";
import { StoreContext } from "./useDiagram";
import { TourContext } from "./useTour";
import type { TourId } from "../../tours/ids";
import type { FailureKind } from "../../model/timeline";
import type { SessionConfig } from "../../scenario/session";
import { FailureGate } from "../controls/failureGate";
import type { View } from "../../link/view";
import { PAGE } from "../../text/page";

// Not part of the first view: loaded after it, or when the reader opens it.
const BelowStage = lazy(() => import("../panels/BelowStage"));
const SafetyMatrix = lazy(() => import("../panels/SafetyMatrix"));
const FullViewLink = lazy(() => import("../share/FullViewLink"));
// Beside the stage, but its words are long: it arrives a moment after the drawing, in a box
// already sized for it so nothing moves.
const Share = lazy(() => import("../share/Share").then((m) => ({ default: m.Share })));
const Verdict = lazy(() => import("../stage/Verdict").then((m) => ({ default: m.Verdict })));
// For a classroom: the tour launcher, the open tour and presenter mode's keys.
const Teach = lazy(() => import("../teach/Teach"));
const PredictFirst = lazy(() =>
  import("../teach/Teach").then((m) => ({ default: m.PredictFirst })),
);
// The top bar's dialogs: their buttons arrive just after the first view, into a bar already
// as tall as they are.
const ImportVm = lazy(() => import("../share/ImportVm"));
const ShareDialog = lazy(() => import("../share/ShareDialog"));
const TourPanel = lazy(() => import("../teach/TourPanel"));
const Presenter = lazy(() => import("../teach/Presenter"));
const Caption = lazy(() => import("../teach/Caption"));
const ConfigurationLine = lazy(() => import("../controls/ConfigurationLine"));
// Two configurations side by side, on the same writes and clock.
const Compare = lazy(() => import("../compare/Compare"));
// The page's own numbers come with the comparison's code (one chunk).
const Summary = lazy(() => import("../compare/Compare").then((m) => ({ default: m.Summary })));
// The page's light, dark or automatic colours (the address has set them already).
const ThemeChoice = lazy(() => import("./ThemeChoice"));

interface AppProps {
  readonly store: DiagramStore;
  readonly view: View;
  /** About what the page was opened with (a bad URL parameter): stale from the first change on. */
  readonly initialNotices: readonly string[];
  /** Told when the tour store is created (the first time a tour opens). */
  readonly onTours?: ((tours: TourStore) => void) | undefined;
}

/**
 * The page: a top bar (the title, and Tours, Presenter mode, Compare, Import and Share), then the
 * stage (the cache-mode strip directly above the diagram; beside it the guest and disk, the
 * buttons, the event line and the verdict; on a wide screen that column is as tall as the stage
 * and scrolls on its own, the event line and the verdict kept in view at its foot), then the key,
 * the ledger, what the configuration means and the safety matrix. Embedded (docs/embedding.md):
 * the stage with a one-line configuration, the ledger only if asked, and a link to the full
 * view. In presenter mode (README, "Teach with it"): the tour step's caption above the drawing
 * and the event line under it, large, the drawing as large as the room they leave allows, and
 * beside it (below it on a portrait screen) the keys, the tour and the configuration in one line;
 * the page never scrolls.
 */
export function App({ store, view, initialNotices, onTours }: AppProps) {
  const [matrixOpen, setMatrixOpen] = useState(false);
  const [notices, setNotices] = useState(initialNotices);

  useEffect(
    () =>
      store.subscribe((state, prev) => {
        if (
          state.config !== prev.config ||
          state.ops !== prev.ops ||
          state.failure !== prev.failure
        )
          setNotices([]);
      }),
    [store],
  );

  const { embed } = view;
  const [present, setPresent] = useState(view.present && !embed);
  const exitPresenter = useCallback(() => {
    setPresent(false);
  }, []);
  // The tour's code and store arrive with the first tour opened (a link's, or a click).
  const [tours, setTours] = useState<TourStore | null>(null);
  const created = useRef<TourStore | null>(null);
  /** Opens a tour, creating the tour's store the first time (its code loads then). */
  const withTours = useCallback(
    (
      open: (tours: TourStore, module: typeof import("../../store/tour")) => Promise<void> | void,
    ) => {
      void import("../../store/tour").then(async (module) => {
        if (!created.current) {
          created.current = module.createTourStore(store);
          onTours?.(created.current);
        }
        await open(created.current, module);
        setTours(created.current);
      });
    },
    [store, onTours],
  );
  const openTour = useCallback(
    (id: TourId, step = 0, wrong: readonly string[] = []) => {
      withTours(async (t) => {
        const { loadTour, stepInTour } = await import("../../tours/index");
        const tour = await loadTour(id);
        const fitted = stepInTour(tour, step);
        t.getState().open(tour, fitted.step);
        // After the step's scenario replaced the document (which clears older notices).
        if (fitted.pastEnd === null) {
          if (wrong.length > 0) setNotices(wrong);
          return;
        }
        // The notices' words come with the tours' code, not in the first view.
        const { URL_NOTICE } = await import("../../text/url");
        setNotices([...wrong, URL_NOTICE.stepPastEnd(fitted.pastEnd)]);
      });
    },
    [withTours],
  );
  // The compared configuration, while comparing (a link's, or the button's).
  const [comparing, setComparing] = useState<SessionConfig | null>(null);
  // Set when the button opened the comparison: the compared side is brought into view then.
  const [showCompared, setShowCompared] = useState(false);
  const openCompare = useCallback(
    (search: string | null) => {
      void Promise.all([import("../compare/Compare"), import("../../link/url")]).then(
        ([compare, url]) => {
          const read = compare.comparedConfig(search, store.getState().config, url.readUrlConfig);
          if (read.notices.length > 0) setNotices((shown) => [...shown, ...read.notices]);
          setComparing(read.config);
          setShowCompared(search === null);
        },
      );
    },
    [store],
  );
  useEffect(() => {
    if (view.compare !== null) openCompare(view.compare);
  }, [view.compare, openCompare]);
  // "Predict before a failure": the failure buttons ask first.
  const [predictFirst, setPredictFirst] = useState(false);
  const predict = useCallback(
    (kind: FailureKind) => {
      withTours(async (t) => {
        const { predictionTour } = await import("../../text/teach");
        const s = store.getState();
        t.getState().open(predictionTour(s.toScenario(), kind, s.playhead.tMs));
      });
    },
    [store, withTours],
  );
  // A link's tour, read (and its bad values named) once the tours' code is here.
  useEffect(() => {
    const link = view.tour;
    if (!link) return;
    void Promise.all([import("../../tours/index"), import("../../text/url")]).then(
      ([{ readTourLink }, { URL_NOTICE }]) => {
        const { tour, problems } = readTourLink(link.id, link.step);
        const wrong = problems.map(URL_NOTICE.tourLink);
        if (tour) openTour(tour.id, tour.step, wrong);
        else setNotices((shown) => [...shown, ...wrong]);
      },
    );
  }, [view.tour, openTour]);
  const tourOpen = useStoreOrFalse(tours);
  // Presenter mode and embeds show the stage with the configuration as one line.
  const compact = embed || present;
  return (
    <StoreContext.Provider value={store}>
      <TourContext.Provider value={tours}>
        <FailureGate.Provider value={predictFirst && !embed ? predict : null}>
          <main
            className={
              [embed ? "embed" : present ? "present" : "", comparing ? "comparing" : ""]
                .join(" ")
                .trim() || undefined
            }
          >
            {compact ? null : (
              <header className="topbar">
                <h1>{PAGE.title}</h1>
                <p className="lede">{PAGE.lede}</p>
                <div className="actions" role="group" aria-label={PAGE.actions}>
                  <Suspense fallback={null}>
                    <Teach
                      onTour={openTour}
                      onCompare={() => {
                        openCompare(null);
                      }}
                      onPresent={() => {
                        setPresent(true);
                      }}
                    />
                    <ImportVm />
                    <ShareDialog />
                  </Suspense>
                </div>
              </header>
            )}
            <Notices notices={notices} />
            <section className="session" aria-label={PAGE.simulation}>
              <div className="workspace">
                <div className="stage">
                  {present ? (
                    <Suspense fallback={null}>
                      <Caption />
                    </Suspense>
                  ) : null}
                  {comparing ? (
                    <div className="compare-grid">
                      <section aria-label={PAGE.thisConfiguration}>
                        {present ? null : <ModeStrip />}
                        <Diagram timeline={!present} />
                        {/* Each side carries its verdict under its drawing. */}
                        <Suspense fallback={null}>
                          {present ? null : <Verdict />}
                          <Summary name={PAGE.thisRun} />
                        </Suspense>
                      </section>
                      <Suspense fallback={<section className="compared" />}>
                        <Compare
                          config={comparing}
                          drawing={<Diagram timeline={false} />}
                          show={showCompared}
                          onClose={() => {
                            setComparing(null);
                          }}
                        />
                      </Suspense>
                    </div>
                  ) : (
                    <>
                      {present ? null : <ModeStrip />}
                      {present ? (
                        // Sized by the room the caption and the event line leave (app.css).
                        <div className="present-drawing">
                          <Diagram timeline={false} />
                        </div>
                      ) : (
                        <Diagram />
                      )}
                    </>
                  )}
                  {/* In presenter mode the event line spans the stage under the drawing. */}
                  {present ? <EventLine /> : null}
                </div>
                <div className="side">
                  {present ? (
                    <Suspense fallback={<div className="presenter-bar" />}>
                      <Presenter onExit={exitPresenter} />
                    </Suspense>
                  ) : null}
                  {tourOpen && compact ? (
                    <Suspense fallback={<section className="tour" aria-label={PAGE.tour} />}>
                      <TourPanel />
                    </Suspense>
                  ) : null}
                  {compact ? (
                    <>
                      <Suspense fallback={<p className="configuration-line" />}>
                        <ConfigurationLine withMode={present} />
                      </Suspense>
                      {present && tourOpen ? null : <Toolbar />}
                    </>
                  ) : (
                    // Beside the stage the controls scroll on their own, above the event line and
                    // the verdict (app.css); elsewhere this box is not drawn (display: contents).
                    <div className="side-controls">
                      {tourOpen ? (
                        <Suspense fallback={<section className="tour" aria-label={PAGE.tour} />}>
                          <TourPanel />
                        </Suspense>
                      ) : null}
                      <Configuration />
                      <Toolbar />
                      {/* Beside the failure buttons it changes. */}
                      <Suspense fallback={null}>
                        <PredictFirst on={predictFirst} onChange={setPredictFirst} />
                      </Suspense>
                      <Suspense fallback={null}>
                        <Share />
                      </Suspense>
                    </div>
                  )}
                  {present ? null : (
                    // Kept in view at the column's foot while the controls above scroll (app.css).
                    <div className="pinned">
                      <EventLine />
                      {comparing ? null : (
                        <Suspense
                          fallback={<section className="verdict" aria-label={PAGE.verdict} />}
                        >
                          <Verdict />
                        </Suspense>
                      )}
                    </div>
                  )}
                </div>
              </div>
              {view.ledger && !present ? (
                <Suspense fallback={<p className="loading">{PAGE.loadingLedger}</p>}>
                  <BelowStage only={embed ? "ledger" : "all"} />
                </Suspense>
              ) : null}
            </section>
            {embed ? (
              view.fullView === null ? null : (
                <Suspense fallback={<p className="embed-footer" />}>
                  <FullViewLink base={view.fullView} />
                </Suspense>
              )
            ) : present ? null : (
              <>
                <details
                  className="matrix-panel"
                  onToggle={(e) => {
                    setMatrixOpen(e.currentTarget.open);
                  }}
                >
                  <summary>
                    <h2>{PAGE.matrix}</h2>
                  </summary>
                  {matrixOpen ? (
                    <Suspense fallback={<p>{PAGE.computingMatrix}</p>}>
                      <SafetyMatrix />
                    </Suspense>
                  ) : null}
                </details>
                <p className="source">{PAGE.source}</p>
                <Suspense fallback={null}>
                  <ThemeChoice />
                </Suspense>
              </>
            )}
          </main>
        </FailureGate.Provider>
      </TourContext.Provider>
    </StoreContext.Provider>
  );
}

/** Whether a tour is open in `tours` (none while the store does not exist yet). */
function useStoreOrFalse(tours: TourStore | null): boolean {
  return useSyncExternalStore(
    tours ? tours.subscribe : noSubscription,
    () => tours?.getState().tour != null,
  );
}

const noSubscription = () => () => undefined;
