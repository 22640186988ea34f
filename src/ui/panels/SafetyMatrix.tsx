/**
 * The safety matrix of docs/model.md §3 as a table, computed by the model in the browser: where each
 * kind of write is acknowledged under each cache mode, along which arrows, and whether it would
 * survive a host power loss at that instant.
 */
import { useMemo } from "react";
import type { DiskCache } from "../../model/config";
import { describeArrows, formatDuration, KIND_LABEL, safetyMatrix } from "../../model/matrix";
import { useDiagram } from "../app/useDiagram";

const DISK_WORDS: Readonly<Record<DiskCache, string>> = {
  volatile: "a volatile disk write cache",
  off: "the disk write cache off",
  battery: "a battery-backed disk write cache",
};

const LAYER_LABEL = {
  "guest-app": "guest application",
  "guest-page-cache": "guest page cache",
  "virtual-disk": "virtual disk",
  "host-page-cache": "host page cache",
  "disk-cache": "disk write cache",
  platters: "platters",
} as const;

export default function SafetyMatrix() {
  const config = useDiagram((s) => s.config);
  const { diskCache, guestFs, diskFlush, hostBarriers } = config;
  // The page's faults too: the matrix and the verdict beside the stack never disagree.
  const rows = useMemo(
    () => safetyMatrix({ diskCache, guestFs, diskFlush, hostBarriers }),
    [diskCache, guestFs, diskFlush, hostBarriers],
  );
  const faults = [
    diskFlush === "ignored" ? "a drive that ignores flushes" : null,
    hostBarriers ? null : "a host filesystem without barriers",
  ].filter(Boolean);
  return (
    <div className="table-scroll" role="region" aria-label="Safety matrix, scrollable" tabIndex={0}>
      <table className="matrix">
        <caption>
          Safety matrix: one write issued on an idle stack, an {config.guestFs} guest and{" "}
          {DISK_WORDS[config.diskCache]}
          {faults.length ? `, with ${faults.join(" and ")}` : ""}, then the power cut the instant
          the call returns. Computed by the model; times use its estimated latencies (docs/model.md
          §5); &ldquo;durable after&rdquo; is the worst case with Linux&apos;s default timers. The
          rows of the current configuration are marked ▸.
        </caption>
        <thead>
          <tr>
            <th scope="col">Cache mode</th>
            <th scope="col">Guest barriers</th>
            <th scope="col">Write</th>
            <th scope="col">Acknowledged in</th>
            <th scope="col">Returns after</th>
            <th scope="col">Arrows</th>
            <th scope="col">Later, in the background</th>
            <th scope="col">Safe on power loss</th>
            <th scope="col">Durable after</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const current = row.mode === config.mode && row.guestBarriers === config.guestBarriers;
            return (
              <tr
                key={`${row.mode}-${String(row.guestBarriers)}-${row.kind}`}
                className={current ? "current" : undefined}
              >
                <th scope="row">
                  {current ? <span aria-label="current configuration: ">▸ </span> : null}
                  {row.mode}
                </th>
                <td>{row.guestBarriers ? "on" : "off"}</td>
                <td>{KIND_LABEL[row.kind]}</td>
                <td>{LAYER_LABEL[row.ackedIn]}</td>
                <td>{formatDuration(row.ackedAfterMs)}</td>
                <td>{describeArrows(row) || "—"}</td>
                <td>{row.laterArrows.join(", then ") || "—"}</td>
                <td className={row.safeOnPowerLoss ? "safe" : "unsafe"}>
                  {row.safeOnPowerLoss ? "✔ yes" : "✘ no"}
                </td>
                <td>{formatDuration(row.durableAfterMs)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
