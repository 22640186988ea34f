/**
 * Below the stage: what the configuration means (the caption), every mode's one line with QEMU's
 * three switches, the disk settings, and how to set the configuration, tool by tool.
 */
import { lazy, Suspense, useState } from "react";
import {
  CACHE_MODES,
  DISK_CACHES,
  MODE_SWITCHES,
  type CacheMode,
  type DiskCache,
} from "../../model/config";
import { caption } from "../../text/narration";
import { useDiagram } from "../app/useDiagram";

/** One line per mode (docs/model.md §2, §6). */
const MODE_LINE: Readonly<Record<CacheMode, string>> = {
  writeback:
    "QEMU's default: writes are acknowledged in the host page cache; guest flushes are passed down.",
  none: "What Proxmox VE uses when no mode is set: bypasses the host page cache; writes are acknowledged in the disk's write cache, which still holds them (not “no cache”).",
  writethrough:
    "The default of RHEL 6's qemu-kvm: every write the guest sends to the virtual disk is on stable storage before it completes.",
  directsync: "Like writethrough, without keeping a copy in the host page cache.",
  unsafe: "Like writeback, but QEMU completes the guest's flushes without fdatasync.",
};

const DISK_LINE: Readonly<Record<DiskCache, string>> = {
  volatile: "lost on power loss (hdparm -W1)",
  off: "writes go straight to the platters (hdparm -W0)",
  battery: "battery-backed or power-loss-protected: survives power loss",
};

function switchesText(mode: CacheMode): string {
  const s = MODE_SWITCHES[mode];
  const flag = (on: boolean) => (on ? "on" : "off");
  return `cache.writeback=${flag(s.guestSeesWriteCache)}, cache.direct=${flag(s.hostCacheBypassed)}, cache.no-flush=${flag(s.flushesIgnored)}`;
}

// Loaded when the reader opens it.
const Snippets = lazy(() => import("./Snippets"));

/** What the configuration means, every mode's one line and switches, and how to set it. */
export function AboutConfiguration() {
  const config = useDiagram((s) => s.config);
  const [snippetsOpen, setSnippetsOpen] = useState(false);
  return (
    <section className="meaning" aria-label="What this configuration means">
      <h2>What this configuration means</h2>
      <p className="caption">{caption(config)}</p>
      <details>
        <summary>The five cache modes and QEMU&apos;s switches</summary>
        <dl className="modes">
          {CACHE_MODES.map((mode) => (
            <div key={mode}>
              <dt>{mode}</dt>
              <dd>
                {MODE_LINE[mode]} <code>{switchesText(mode)}</code>
              </dd>
            </div>
          ))}
        </dl>
        <dl className="modes">
          {DISK_CACHES.map((disk) => (
            <div key={disk}>
              <dt>disk write cache {disk}</dt>
              <dd>{DISK_LINE[disk]}</dd>
            </div>
          ))}
        </dl>
      </details>
      <details
        onToggle={(e) => {
          setSnippetsOpen(e.currentTarget.open);
        }}
      >
        <summary>How to set this configuration</summary>
        {snippetsOpen ? (
          <Suspense fallback={<p>Loading…</p>}>
            <Snippets />
          </Suspense>
        ) : null}
      </details>
    </section>
  );
}
