/**
 * What the user does: issue writes, play and pause, change speed, strike the stack with a
 * failure, start again. Contract (e2e tests rely on it): buttons "Normal write", "O_SYNC write",
 * "Barrier", "O_DIRECT write", "Power loss", "Power loss at the worst moment", "Undo failure",
 * "Play"/"Pause", and a "Speed" select. A failure is a point in time: before it (scrubbed back)
 * the buttons work, and striking again moves it. At the page's limit on writes
 * (src/scenario/limit.ts) the write buttons are off and a line says why; Burst is off as soon
 * as its ten writes would not fit.
 *
 * A button that cannot act now is off but stays focusable (`aria-disabled`, not `disabled`): its
 * title and accessible description say why, and pressing it says so in a status line (issue 17:
 * the first click, before any write, did nothing and said nothing).
 */
import {
  useContext,
  useEffect,
  useRef,
  useState,
  type ButtonHTMLAttributes,
  type Ref,
} from "react";
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
  // Why each button is off (undefined: it is on).
  const struckWhy = failed ? BUTTON_OFF_WHY.struck : undefined;
  const writesOff = struckWhy ?? (full ? BUTTON_OFF_WHY.full : undefined);
  const burstOff = writesOff ?? (left < BURST ? TOOLBAR.burstNoRoom(BURST, left) : undefined);
  const failuresOff = struckWhy ?? (hasOps ? undefined : BUTTON_OFF_WHY.noWrites);
  const stepsOff = hasOps ? undefined : BUTTON_OFF_WHY.nothingToStep;
  const backOff = stepsOff ?? (atStart ? BUTTON_OFF_WHY.atStart : undefined);
  const forwardOff = stepsOff ?? (atEnd ? BUTTON_OFF_WHY.atEnd : undefined);
  const resetOff = hasOps ? undefined : BUTTON_OFF_WHY.nothingToReset;
  const undoOff = hasFailure ? undefined : BUTTON_OFF_WHY.noFailure;
  // What the last press of an off button was told; shown while that reason still holds.
  const [refused, setRefused] = useState<string | null>(null);
  const stillOff: readonly (string | undefined)[] = [
    writesOff,
    burstOff,
    failuresOff,
    backOff,
    forwardOff,
    resetOff,
    undoOff,
  ];
  const why = refused !== null && stillOff.includes(refused) ? refused : null;
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
          <OffButton
            key={kind}
            ref={i === 0 ? firstWrite : undefined}
            why={writesOff}
            onRefused={setRefused}
            onPress={() => {
              // The last write that fits turns the buttons off: Reset is what comes next.
              if (left === 1) focusNext.current = resetButton.current;
              issue(kind);
            }}
          >
            <span aria-hidden="true" className={`symbol symbol-${kind}`}>
              {TOKEN_SYMBOL[kind]}
            </span>{" "}
            {KIND_NAME[kind]}
          </OffButton>
        ))}
        <OffButton
          why={burstOff}
          onRefused={setRefused}
          title={TOOLBAR.burstTitle}
          onPress={() => {
            burst("osync", BURST);
          }}
        >
          {TOOLBAR.burst(BURST)}
        </OffButton>
      </div>
      <p className="hint limit" aria-live="polite">
        {full ? TOOLBAR.full : null}
      </p>
      <div className="buttons" role="group" aria-label={TOOLBAR.playback}>
        <OffButton
          className="play"
          why={struckWhy}
          onRefused={setRefused}
          onPress={() => {
            setPlaying(!playing);
          }}
        >
          <span aria-hidden="true">{playing ? "❚❚" : "▶"}</span> {TOOLBAR.play(playing)}
        </OffButton>
        <OffButton
          why={backOff}
          onRefused={setRefused}
          onPress={() => {
            step(-1);
          }}
        >
          <span aria-hidden="true">◀</span> {TOOLBAR.stepBack}
        </OffButton>
        <OffButton
          why={forwardOff}
          onRefused={setRefused}
          onPress={() => {
            step(1);
          }}
        >
          {TOOLBAR.stepForward} <span aria-hidden="true">▶</span>
        </OffButton>
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
        <OffButton
          ref={resetButton}
          why={resetOff}
          onRefused={setRefused}
          onPress={() => {
            focusNext.current = firstWrite.current;
            reset();
          }}
        >
          {TOOLBAR.reset}
        </OffButton>
      </div>
      <div className="buttons" role="group" aria-label={TOOLBAR.failures}>
        {FAILURE_KINDS.toReversed().map((kind) => (
          <OffButton
            key={kind}
            className="danger"
            why={failuresOff}
            onRefused={setRefused}
            onPress={() => {
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
          </OffButton>
        ))}
        <OffButton
          className="danger"
          why={failuresOff}
          onRefused={setRefused}
          title={TOOLBAR.worstTitle}
          onPress={() => {
            focusNext.current = resetButton.current;
            void failAtWorst("power");
          }}
        >
          <span aria-hidden="true">⚡ </span>
          {TOOLBAR.worst}
        </OffButton>
        <OffButton
          why={undoOff}
          onRefused={setRefused}
          onPress={() => {
            focusNext.current = firstWrite.current;
            undoFailure();
          }}
        >
          {TOOLBAR.undo}
        </OffButton>
      </div>
      {/* Announced politely, as the event line is. */}
      <p className="hint why-off" aria-live="polite">
        {why}
      </p>
    </div>
  );
}

interface OffButtonProps extends Omit<
  ButtonHTMLAttributes<HTMLButtonElement>,
  "onClick" | "disabled" | "type"
> {
  /** Why it cannot act now; undefined when it can. */
  readonly why: string | undefined;
  readonly onPress: () => void;
  /** Told why, when pressed while off. */
  readonly onRefused: (why: string) => void;
  readonly ref?: Ref<HTMLButtonElement>;
}

/** A button that, off, stays focusable and says why: on hover, to assistive technology, pressed. */
function OffButton({ why, onPress, onRefused, title, ...rest }: OffButtonProps) {
  return (
    <button
      type="button"
      {...rest}
      aria-disabled={why === undefined ? undefined : true}
      title={why ?? title}
      onClick={() => {
        if (why === undefined) onPress();
        else onRefused(why);
      }}
    />
  );
}
