/**
 * Which disk of an imported VM configuration to apply. A few disks: one radio each. Many (a
 * generated configuration can list thousands; one probe pasted 17 000 drives, and a radio each
 * blocked the page for seconds): a filter and a select of the first MAX_LISTED disks that match,
 * so the dialog never builds more controls than a person reads.
 */
import { useId, useState } from "react";
import type { VmDisk } from "../../import/vmConfig";
import { IMPORT_VM } from "../../text/share";

/** Up to this many disks, a radio each (a VM with a few disks, the common case). */
export const MAX_RADIOS = 8;
/** The select lists at most this many matches; the filter narrows the rest. */
export const MAX_LISTED = 100;

const choice = (d: VmDisk) => IMPORT_VM.diskChoice(d.name, d.mode, d.source);

/** The disks' indexes whose choice contains `filter` (any case): the first MAX_LISTED, and how many. */
function matches(disks: readonly VmDisk[], filter: string): { listed: number[]; total: number } {
  const needle = filter.trim().toLowerCase();
  const listed: number[] = [];
  let total = 0;
  disks.forEach((d, i) => {
    if (!choice(d).toLowerCase().includes(needle)) return;
    total++;
    if (listed.length < MAX_LISTED) listed.push(i);
  });
  return { listed, total };
}

export function DiskPicker({
  disks,
  chosen,
  choose,
}: {
  readonly disks: readonly VmDisk[];
  readonly chosen: number;
  readonly choose: (index: number) => void;
}) {
  const [filter, setFilter] = useState("");
  const filterId = useId();
  if (disks.length <= MAX_RADIOS) {
    return (
      <fieldset>
        <legend>{IMPORT_VM.disk}</legend>
        {disks.map((d, i) => (
          <label key={`${d.name}-${String(i)}`} className="check">
            <input
              type="radio"
              name="import-disk"
              checked={chosen === i}
              onChange={() => {
                choose(i);
              }}
            />
            {choice(d)}
          </label>
        ))}
      </fieldset>
    );
  }
  const { listed, total } = matches(disks, filter);
  return (
    <fieldset>
      <legend>{IMPORT_VM.disk}</legend>
      <label htmlFor={filterId}>{IMPORT_VM.filter}</label>{" "}
      <input
        id={filterId}
        type="search"
        value={filter}
        spellCheck={false}
        onChange={(e) => {
          const next = e.currentTarget.value;
          setFilter(next);
          // The disk chosen is always one the select shows.
          const first = matches(disks, next).listed[0];
          if (first !== undefined) choose(first);
        }}
      />{" "}
      <select
        aria-label={IMPORT_VM.disk}
        value={listed.includes(chosen) ? String(chosen) : ""}
        onChange={(e) => {
          choose(Number(e.currentTarget.value));
        }}
      >
        {listed.map((i) => {
          const d = disks[i];
          return d ? (
            <option key={i} value={String(i)}>
              {choice(d)}
            </option>
          ) : null;
        })}
      </select>
      <p className="hint" role="status">
        {IMPORT_VM.listed(listed.length, total, disks.length)}
      </p>
    </fieldset>
  );
}
