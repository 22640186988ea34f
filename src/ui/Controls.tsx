/**
 * The controls, keyboard first: native radios, checkbox, buttons and select, each with a name
 * and a description. Contract (e2e tests rely on it): a radio group "Cache mode" with radios
 * named exactly after the modes, a checkbox "Guest barriers", a group "Disk write cache", buttons
 * "Normal write", "O_SYNC write", "Barrier", "O_DIRECT write", "Power loss", "Play"/"Pause",
 * and a "Speed" select.
 */
import { useId } from "react";
import {
  CACHE_MODES,
  DISK_CACHES,
  MODE_SWITCHES,
  type CacheMode,
  type DiskCache,
} from "../model/config";
import { OP_KINDS } from "../model/timeline";
import { KIND_NAME } from "../store/events";
import { SPEEDS, type Speed } from "../store/store";
import { TOKEN_SYMBOL } from "./shapes";
import { useDiagram } from "./useDiagram";

/** One line per mode (domain.md §2, §6). */
const MODE_LINE: Readonly<Record<CacheMode, string>> = {
  writeback: "QEMU's default since 1.2: acknowledged in the host page cache; flushes passed.",
  none: "Proxmox's default: bypasses the host page cache, acknowledged in the disk's cache.",
  writethrough: "RHEL 6's default: every write reaches the platters before it returns.",
  directsync: "Like writethrough, without the host page cache.",
  unsafe: "Like writeback, but QEMU ignores the guest's flushes.",
};

const DISK_LINE: Readonly<Record<DiskCache, string>> = {
  volatile: "lost on power loss (hdparm -W1)",
  off: "writes go straight to the platters (hdparm -W0)",
  battery: "battery-backed: survives power loss",
};

function switchesText(mode: CacheMode): string {
  const s = MODE_SWITCHES[mode];
  const flag = (on: boolean) => (on ? "on" : "off");
  return `cache.writeback=${flag(s.guestSeesWriteCache)}, cache.direct=${flag(s.hostCacheBypassed)}, cache.no-flush=${flag(s.flushesIgnored)}`;
}

export function Controls() {
  const config = useDiagram((s) => s.config);
  const playing = useDiagram((s) => s.playing);
  const speed = useDiagram((s) => s.speed);
  const crashed = useDiagram((s) => s.crashed);
  const hasOps = useDiagram((s) => s.ops.length > 0);
  const setConfig = useDiagram((s) => s.setConfig);
  const issue = useDiagram((s) => s.issue);
  const powerLoss = useDiagram((s) => s.powerLoss);
  const reset = useDiagram((s) => s.reset);
  const setPlaying = useDiagram((s) => s.setPlaying);
  const setSpeed = useDiagram((s) => s.setSpeed);
  const id = useId();

  return (
    <div className="controls">
      <fieldset>
        <legend>Cache mode</legend>
        <div role="radiogroup" aria-label="Cache mode">
          {CACHE_MODES.map((mode) => (
            <div key={mode} className="choice">
              <input
                type="radio"
                id={`${id}-mode-${mode}`}
                name={`${id}-mode`}
                value={mode}
                checked={config.mode === mode}
                onChange={() => {
                  setConfig({ mode });
                }}
                aria-describedby={`${id}-mode-${mode}-line`}
              />
              <label htmlFor={`${id}-mode-${mode}`}>{mode}</label>
              <p id={`${id}-mode-${mode}-line`} className="hint">
                {MODE_LINE[mode]} <code>{switchesText(mode)}</code>
              </p>
            </div>
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend>Guest</legend>
        <div className="choice">
          <input
            type="checkbox"
            id={`${id}-barriers`}
            checked={config.guestBarriers}
            onChange={(e) => {
              setConfig({ guestBarriers: e.currentTarget.checked });
            }}
            aria-describedby={`${id}-barriers-line`}
          />
          <label htmlFor={`${id}-barriers`}>Guest barriers</label>
          <p id={`${id}-barriers-line`} className="hint">
            {config.guestBarriers
              ? "On: ext4 default / ext3 barrier=1 — fsync and journal commits send flushes."
              : "Off: ext3 as Debian 6 shipped it — flushes never leave the guest."}
          </p>
        </div>
      </fieldset>

      <fieldset>
        <legend>Disk write cache</legend>
        <div role="radiogroup" aria-label="Disk write cache">
          {DISK_CACHES.map((disk) => (
            <div key={disk} className="choice">
              <input
                type="radio"
                id={`${id}-disk-${disk}`}
                name={`${id}-disk`}
                value={disk}
                checked={config.diskCache === disk}
                onChange={() => {
                  setConfig({ diskCache: disk });
                }}
                aria-describedby={`${id}-disk-${disk}-line`}
              />
              <label htmlFor={`${id}-disk-${disk}`}>{disk}</label>
              <span id={`${id}-disk-${disk}-line`} className="hint">
                {" "}
                — {DISK_LINE[disk]}
              </span>
            </div>
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend>Issue a write</legend>
        <div className="buttons">
          {OP_KINDS.map((kind) => (
            <button
              key={kind}
              type="button"
              disabled={crashed}
              onClick={() => {
                issue(kind);
              }}
            >
              <span aria-hidden="true" className={`symbol symbol-${kind}`}>
                {TOKEN_SYMBOL[kind]}
              </span>{" "}
              {KIND_NAME[kind]}
            </button>
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend>Playback</legend>
        <div className="buttons">
          <button
            type="button"
            className="play"
            onClick={() => {
              setPlaying(!playing);
            }}
          >
            <span aria-hidden="true">{playing ? "❚❚" : "▶"}</span> {playing ? "Pause" : "Play"}
          </button>
          <label>
            Speed{" "}
            <select
              aria-label="Speed"
              value={String(speed)}
              onChange={(e) => {
                setSpeed(Number(e.currentTarget.value) as Speed);
              }}
            >
              {SPEEDS.map((s) => (
                <option key={s} value={String(s)}>
                  {s}×
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="danger"
            disabled={crashed || !hasOps}
            onClick={powerLoss}
          >
            <span aria-hidden="true">⚡</span> Power loss
          </button>
          <button type="button" onClick={reset} disabled={!hasOps}>
            Reset
          </button>
        </div>
      </fieldset>
    </div>
  );
}
