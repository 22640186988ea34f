/**
 * What the user configures, kept next to the diagram: the QEMU cache mode (a strip directly
 * above the stack), the guest (filesystem, barriers, and the article's two guests in one click
 * each) and the physical disk's write cache. The long descriptions and QEMU's `cache.*` switches
 * sit behind a disclosure below the stage (About.tsx).
 *
 * Contract (e2e tests rely on it): a radio group "Cache mode" with radios named exactly after
 * the modes; a radio group "Guest filesystem" with "ext3" and "ext4"; a checkbox "Guest
 * barriers"; a radio group "Disk write cache" with volatile, off, battery.
 */
import { lazy, Suspense, useId } from "react";
import { CACHE_MODES, DISK_CACHES, GUEST_FILESYSTEMS } from "../../model/config";
import type { SessionConfig } from "../../scenario/session";
import { Check } from "./Check";
import { CONFIGURATION } from "../../text/controls";
import { useDiagram } from "../app/useDiagram";

const Faults = lazy(() => import("./Faults"));

/** The article's two guests (docs/model.md §3, §5b), one click each. */
const GUESTS = [
  {
    name: CONFIGURATION.presets.debian6,
    note: CONFIGURATION.presetNotes.debian6,
    config: { guestFs: "ext3", guestBarriers: false },
  },
  {
    name: CONFIGURATION.presets.ext4,
    note: CONFIGURATION.presetNotes.ext4,
    config: { guestFs: "ext4", guestBarriers: true },
  },
] as const satisfies readonly { name: string; note: string; config: Partial<SessionConfig> }[];

interface ChoicesProps<T extends string> {
  readonly legend: string;
  readonly values: readonly T[];
  readonly checked: T;
  readonly onChange: (value: T) => void;
  readonly className?: string;
}

/** A named radio group whose radios are named exactly by their values, drawn as a segmented strip. */
function Choices<T extends string>({
  legend,
  values,
  checked,
  onChange,
  className,
}: ChoicesProps<T>) {
  const id = useId();
  return (
    <fieldset className={`choices ${className ?? ""}`}>
      <legend>{legend}</legend>
      <div role="radiogroup" aria-label={legend} className="segments">
        {values.map((value) => (
          <span key={value} className="segment">
            <input
              type="radio"
              id={`${id}-${value}`}
              name={id}
              value={value}
              checked={checked === value}
              onChange={() => {
                onChange(value);
              }}
            />
            <label htmlFor={`${id}-${value}`}>{value}</label>
          </span>
        ))}
      </div>
    </fieldset>
  );
}

/** The cache mode, as a strip directly above the diagram (on a phone too). */
export function ModeStrip() {
  const mode = useDiagram((s) => s.config.mode);
  const setConfig = useDiagram((s) => s.setConfig);
  return (
    <Choices
      legend={CONFIGURATION.mode}
      values={CACHE_MODES}
      checked={mode}
      className="mode-strip"
      onChange={(next) => {
        setConfig({ mode: next });
      }}
    />
  );
}

/** The guest and the disk, beside the diagram. */
export function Configuration() {
  const config = useDiagram((s) => s.config);
  const setConfig = useDiagram((s) => s.setConfig);
  const id = useId();
  return (
    <div className="configuration">
      <fieldset className="guest">
        <legend>{CONFIGURATION.guest}</legend>
        <div className="buttons presets" role="group" aria-label={CONFIGURATION.presetsGroup}>
          {GUESTS.map((g) => (
            <button
              key={g.name}
              type="button"
              title={g.note}
              aria-pressed={
                config.guestFs === g.config.guestFs &&
                config.guestBarriers === g.config.guestBarriers
              }
              onClick={() => {
                setConfig(g.config);
              }}
            >
              {g.name}
            </button>
          ))}
        </div>
        <div className="guest-row">
          <div role="radiogroup" aria-label={CONFIGURATION.guestFs} className="segments">
            {GUEST_FILESYSTEMS.map((fs) => (
              <span key={fs} className="segment">
                <input
                  type="radio"
                  id={`${id}-${fs}`}
                  name={`${id}-fs`}
                  value={fs}
                  checked={config.guestFs === fs}
                  onChange={() => {
                    setConfig({ guestFs: fs });
                  }}
                />
                <label htmlFor={`${id}-${fs}`}>{fs}</label>
              </span>
            ))}
          </div>
          <Check
            id={`${id}-barriers`}
            label={CONFIGURATION.barriers}
            checked={config.guestBarriers}
            onChange={(guestBarriers) => {
              setConfig({ guestBarriers });
            }}
            describedBy={`${id}-barriers-line`}
          />
        </div>
        <p id={`${id}-barriers-line`} className="hint">
          {CONFIGURATION.barriersHint(config.guestBarriers)}
        </p>
      </fieldset>
      <Choices
        legend={CONFIGURATION.disk}
        values={DISK_CACHES}
        checked={config.diskCache}
        onChange={(diskCache) => {
          setConfig({ diskCache });
        }}
      />
      {/* Folded and rarely opened: its code loads after the first view, in a box of its size. */}
      <Suspense fallback={<div className="faults faults-placeholder" />}>
        <Faults />
      </Suspense>
    </div>
  );
}
