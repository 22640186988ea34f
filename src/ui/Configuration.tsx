/**
 * What the user configures: the QEMU cache mode (with its one-line meaning and its three
 * switches), whether the guest sends barriers, and the physical disk's write cache; then what
 * that configuration means, and how to set it. Contract (e2e tests rely on it): a radio group
 * "Cache mode" with radios named exactly after the modes, a checkbox "Guest barriers", a radio
 * group "Disk write cache" with volatile, off, battery.
 */
import { lazy, Suspense, useId, useState, type ReactNode } from "react";
import {
  CACHE_MODES,
  DISK_CACHES,
  MODE_SWITCHES,
  type CacheMode,
  type DiskCache,
} from "../model/config";
import { caption } from "./narration";
import { useDiagram } from "./useDiagram";

/** One line per mode (docs/model.md §2, §6). */
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

interface ChoicesProps<T extends string> {
  readonly legend: string;
  readonly values: readonly T[];
  readonly checked: T;
  readonly onChange: (value: T) => void;
  readonly describe: (value: T) => ReactNode;
}

/** A named radio group whose radios are named exactly by their values, each with a description. */
function Choices<T extends string>({
  legend,
  values,
  checked,
  onChange,
  describe,
}: ChoicesProps<T>) {
  const id = useId();
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div role="radiogroup" aria-label={legend}>
        {values.map((value) => (
          <div key={value} className="choice">
            <input
              type="radio"
              id={`${id}-${value}`}
              name={id}
              value={value}
              checked={checked === value}
              onChange={() => {
                onChange(value);
              }}
              aria-describedby={`${id}-${value}-line`}
            />
            <label htmlFor={`${id}-${value}`}>{value}</label>
            <p id={`${id}-${value}-line`} className="hint">
              {describe(value)}
            </p>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

// Not part of the first view: loaded when the reader opens it.
const Snippets = lazy(() => import("./Snippets"));

export function Configuration() {
  const config = useDiagram((s) => s.config);
  const [snippetsOpen, setSnippetsOpen] = useState(false);
  const setConfig = useDiagram((s) => s.setConfig);
  const id = useId();

  return (
    <div className="configuration">
      <Choices
        legend="Cache mode"
        values={CACHE_MODES}
        checked={config.mode}
        onChange={(mode) => {
          setConfig({ mode });
        }}
        describe={(mode) => (
          <>
            {MODE_LINE[mode]} <code>{switchesText(mode)}</code>
          </>
        )}
      />

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

      <Choices
        legend="Disk write cache"
        values={DISK_CACHES}
        checked={config.diskCache}
        onChange={(diskCache) => {
          setConfig({ diskCache });
        }}
        describe={(disk) => DISK_LINE[disk]}
      />

      <section className="meaning" aria-label="What this configuration means">
        <h2>What this means</h2>
        <p className="caption">{caption(config)}</p>
        <details
          onToggle={(e) => {
            setSnippetsOpen(e.currentTarget.open);
          }}
        >
          <summary>How to set this mode</summary>
          {snippetsOpen ? (
            <Suspense fallback={<p>Loading…</p>}>
              <Snippets />
            </Suspense>
          ) : null}
        </details>
      </section>
    </div>
  );
}
