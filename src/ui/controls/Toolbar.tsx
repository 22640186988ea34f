/**
 * What the user does: issue writes, play and pause, change speed, strike the stack with a
 * failure, start again. Contract (e2e tests rely on it): buttons "Normal write", "O_SYNC write",
 * "Barrier", "O_DIRECT write", "Power loss", "Power loss at the worst moment", "Undo failure",
 * "Play"/"Pause", and a "Speed" select. A failure is a point in time: before it (scrubbed back)
 * the buttons work, and striking again moves it. At the page's limit on writes
 * (src/scenario/limit.ts) the write buttons are off and a status says why; Burst is off as soon
 * as its ten writes would not fit.
 */
import { useContext, useEffect, useRef } from "react";
import { FailureGate } from "./failureGate";
import { FAILURE_KINDS, OP_KINDS } from "../../model/timeline";
import { TOOLBAR } from "../../text/controls";
import { BUTTON_OFF_WHY, FAILURE, KIND_NAME } from "../../text/vocabulary";
import { SPEEDS, struck, type Speed } from "../../store/store";
import { writesLeft } from "../../scenario/limit";
import { TOKEN_SYMBOL } from "../../geometry/shapes";
import { useDiagram } from "../app/useDiagram";

/** "The speed half of the article": how long ten synced writes take, one after the other. */
const BURST = 10;

export function Toolbar() {
  const playing = useDiagram((s) => s.playing);
  const speed = useDiagram((s) => s.speed);
  const failed = useDiagram(struck);
  const hasFailure = useDiagram((s) => s.failure !== null);
  const undoFailure = useDiagram((s) => s.undoFailure);
  const hasOps = useDiagram((s) => s.ops.length > 0);
  const left = useDiagram((s) => writesLeft(s.ops.length));
  const full = left === 0;
  const issue = useDiagram((s) => s.issue);
  const burst = useDiagram((s) => s.burst);
  const fail = useDiagram((s) => s.fail);
  const failAtWorst = useDiagram((s) => s.failAtWorst);
  const reset = useDiagram((s) => s.reset);
  const setPlaying = useDiagram((s) => s.setPlaying);
  const setSpeed = useDiagram((s) => s.setSpeed);
  const step = useDiagram((s) => s.step);
  const gate = useContext(FailureGate);
  const atStart = useDiagram((s) => s.tMs <= 0);
  const atEnd = useDiagram((s) => s.tMs >= s.endMs);
  // A button that is off says why (its tooltip and accessible description).
  const struckWhy = failed ? BUTTON_OFF_WHY.struck : undefined;
  const writesOff = struckWhy ?? (full ? BUTTON_OFF_WHY.full : undefined);
  const failuresOff = struckWhy ?? (hasOps ? undefined : BUTTON_OFF_WHY.noWrites);
  // The buttons pressed disable themselves: focus moves on instead of falling to the page,
  // once the re-render has enabled its target.
  const firstWrite = useRef<HTMLButtonElement>(null);
  const resetButton = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<HTMLButtonElement | null>(null);
  useEffect(() => {
    focusNext.current?.focus();
    focusNext.current = null;
  });

  return (
    <div className="toolbar">
      <div className="buttons" role="group" aria-label={TOOLBAR.writes}>
        {OP_KINDS.map((kind, i) => (
          <button
            key={kind}
            ref={i === 0 ? firstWrite : undefined}
            type="button"
            disabled={failed || full}
            title={writesOff}
            onClick={() => {
              // The last write that fits turns the buttons off: Reset is what comes next.
              if (left === 1) focusNext.current = resetButton.current;
              issue(kind);
            }}
          >
            <span aria-hidden="true" className={`symbol symbol-${kind}`}>
              {TOKEN_SYMBOL[kind]}
            </span>{" "}
            {KIND_NAME[kind]}
          </button>
        ))}
        <button
          type="button"
          disabled={failed || left < BURST}
          title={
            writesOff ?? (left < BURST ? TOOLBAR.burstNoRoom(BURST, left) : TOOLBAR.burstTitle)
          }
          onClick={() => {
            burst("osync", BURST);
          }}
        >
          {TOOLBAR.burst(BURST)}
        </button>
      </div>
      <div className="limit" role="status">
        {full ? <p className="note">{TOOLBAR.full}</p> : null}
      </div>
      <div className="buttons" role="group" aria-label={TOOLBAR.playback}>
        <button
          type="button"
          className="play"
          disabled={failed}
          title={struckWhy}
          onClick={() => {
            setPlaying(!playing);
          }}
        >
          <span aria-hidden="true">{playing ? "❚❚" : "▶"}</span> {TOOLBAR.play(playing)}
        </button>
        <button
          type="button"
          disabled={!hasOps || atStart}
          onClick={() => {
            step(-1);
          }}
        >
          <span aria-hidden="true">◀</span> {TOOLBAR.stepBack}
        </button>
        <button
          type="button"
          disabled={!hasOps || atEnd}
          onClick={() => {
            step(1);
          }}
        >
          {TOOLBAR.stepForward} <span aria-hidden="true">▶</span>
        </button>
        <label>
          {TOOLBAR.speed}{" "}
          <select
            aria-label={TOOLBAR.speed}
            value={String(speed)}
            onChange={(e) => {
              setSpeed(Number(e.currentTarget.value) as Speed);
            }}
          >
            {SPEEDS.map((s) => (
              <option key={s} value={String(s)}>
                {TOOLBAR.speedValue(s)}
              </option>
            ))}
          </select>
        </label>
        <button
          ref={resetButton}
          type="button"
          onClick={() => {
            focusNext.current = firstWrite.current;
            reset();
          }}
          disabled={!hasOps}
        >
          {TOOLBAR.reset}
        </button>
      </div>
      <div className="buttons" role="group" aria-label={TOOLBAR.failures}>
        {FAILURE_KINDS.toReversed().map((kind) => (
          <button
            key={kind}
            type="button"
            className="danger"
            disabled={failed || !hasOps}
            title={failuresOff}
            onClick={() => {
              if (gate) {
                gate(kind);
                return;
              }
              focusNext.current = resetButton.current;
              fail(kind);
            }}
          >
            {kind === "power" ? <span aria-hidden="true">⚡ </span> : null}
            {FAILURE[kind].name}
          </button>
        ))}
        <button
          type="button"
          className="danger"
          disabled={failed || !hasOps}
          title={failuresOff ?? TOOLBAR.worstTitle}
          onClick={() => {
            focusNext.current = resetButton.current;
            void failAtWorst("power");
          }}
        >
          <span aria-hidden="true">⚡ </span>
          {TOOLBAR.worst}
        </button>
        <button
          type="button"
          disabled={!hasFailure}
          onClick={() => {
            focusNext.current = firstWrite.current;
            undoFailure();
          }}
        >
          {TOOLBAR.undo}
        </button>
      </div>
    </div>
  );
}
