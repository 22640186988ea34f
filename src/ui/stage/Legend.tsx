/** The key: each arrow's colour, dash pattern and meaning, and each token's shape. */
import { OP_KINDS } from "../../model/timeline";
import { KIND_NAME } from "../../text/vocabulary";
import { TOKEN_SHAPE } from "../../geometry/shapes";

const ARROW_KEY = [
  ["red", "data parked in the host page cache (writeback, unsafe)"],
  ["gray", "straight to the disk's write cache, host page cache bypassed (none)"],
  [
    "blue",
    "each write to the virtual disk completes only once on stable storage (writethrough, directsync)",
  ],
  [
    "green",
    "a guest flush passed down as fdatasync: once it completes, every write the virtual disk had completed before it is on stable storage",
  ],
] as const;

export function Legend() {
  return (
    <div className="legend">
      <ul aria-label="Arrows">
        {ARROW_KEY.map(([arrow, meaning]) => (
          <li key={arrow}>
            <svg width="36" height="10" aria-hidden="true" className={`arrow arrow-${arrow}`}>
              <path d="M 2 5 H 34" data-active="true" />
            </svg>{" "}
            <strong>{arrow}</strong>: {meaning}
          </li>
        ))}
      </ul>
      <ul aria-label="Tokens">
        {OP_KINDS.map((kind) => (
          <li key={kind}>
            <svg
              width="16"
              height="16"
              viewBox="-8 -8 16 16"
              aria-hidden="true"
              className="token-key"
            >
              <path d={TOKEN_SHAPE[kind]} />
            </svg>{" "}
            {KIND_NAME[kind]}
          </li>
        ))}
        <li>
          <span className="ack-key" aria-hidden="true">
            ack
          </span>{" "}
          the call returns to the application
        </li>
      </ul>
      <p className="clock-note">
        Screen time is compressed: each step between events is shown on a log scale and idle
        stretches are fast-forwarded, so a 1 µs copy and a 30 s wait both stay watchable. The clock
        and the table show model time, built on estimated latencies (a 14 ms platter write, 0.1 ms
        into the drive's cache, 100 ms before the drive destages) and Linux&apos;s default timers.
        Playback pauses while the diagram is scrolled out of view.
      </p>
    </div>
  );
}
