/**
 * The drawing's words (src/ui/stage/): the line under each box, the volatile and stable tags,
 * the controls' names, the arrows' labels, the neutral lanes' timers, the "done" flag, and the
 * drawing's own name. Part of the first view.
 */
import { MODE_SWITCHES, type GuestFs } from "../model/config";
import type { Arrow, FailureKind, FlushOutcome } from "../model/timeline";
import type { BoxId, Frame, LaneId } from "../geometry/layout";
import type { SessionConfig } from "../scenario/session";
import type { StageFacts } from "../store/stage";
import { FAILURE, onOff } from "./vocabulary";

const DISK_DETAIL: Readonly<Record<SessionConfig["diskCache"], string>> = {
  volatile: "volatile (hdparm -W1)",
  off: "off (hdparm -W0)",
  battery: "battery-backed",
};

/** The line under each box's title: what it is under this configuration. */
export function boxDetail(id: BoxId, config: SessionConfig): string {
  const s = MODE_SWITCHES[config.mode];
  switch (id) {
    case "guest-app":
      return "write(), O_SYNC, fsync";
    case "guest-page-cache":
      return "guest RAM";
    case "guest-block-layer":
      return `${config.guestFs} · barriers ${onOff(config.guestBarriers)}`;
    case "virtual-disk":
      return s.guestSeesWriteCache ? "reports a write cache" : "reports no write cache";
    case "qemu":
      return "decides where writes stop";
    case "host-page-cache":
      return s.hostCacheBypassed ? "host RAM · bypassed" : "host RAM";
    case "disk-cache":
      return DISK_DETAIL[config.diskCache];
    case "platters":
      return "or flash (SSD, NVMe): stable";
  }
}

/** The green arrow's label, by what became of the flush (docs/model.md §2, §4). */
const GREEN_LABEL: Readonly<Record<FlushOutcome, string>> = {
  passed: "green: flush passed",
  "no-guest-barriers": "green: never sent",
  "no-write-cache": "green: not needed",
  "ignored-by-qemu": "green: ignored",
  "no-host-barriers": "green: no flush to the drive",
  "ignored-by-drive": "green: drive ignores it",
};

/** An arrow's label at its head: what it does when it is the mode's, else its colour alone. */
export function arrowLabel(arrow: Arrow, facts: StageFacts): string {
  if (arrow === "green") return GREEN_LABEL[facts.flush];
  if (!facts.active[arrow]) return arrow;
  switch (arrow) {
    case "red":
      return "red: host page cache";
    case "gray":
      return facts.disk === "platters" ? "gray: to the platters" : "gray: disk's cache";
    case "blue":
      return facts.fault ? "blue: ends in disk's cache" : "blue: write-through";
  }
}

/** The timers under the neutral lanes (docs/model.md §3, §5); the lanes in the guest say nothing. */
export function laneLabel(lane: LaneId, fs: GuestFs): string {
  switch (lane) {
    case "guest-writeback":
      // ext3 data=ordered: the next 5 s commit; ext4: the flusher, 30–35 s after dirtying.
      return fs === "ext3" ? "commit (≤ 5 s)" : "writeback (30–35 s)";
    case "host-writeback":
      return "writeback (30–35 s)";
    case "destage":
      return "destage (est.)";
    default:
      return "";
  }
}

/** Each box's title, top left in its box (src/geometry/layout.ts places the box). */
export const BOX_TITLE: Readonly<Record<BoxId, string>> = {
  "guest-app": "Guest application",
  "guest-page-cache": "Guest page cache",
  "guest-block-layer": "Guest filesystem",
  "virtual-disk": "Virtual disk",
  qemu: "QEMU",
  "host-page-cache": "Host page cache",
  "disk-cache": "Disk write cache",
  platters: "Platters",
};

/** Each machine's frame, top right of the frame around its boxes. */
export const FRAME_LABEL: Readonly<Record<Frame["id"], string>> = {
  guest: "Guest (virtual machine)",
  host: "Host",
};

export const STAGE = {
  /** The drawing's name for a screen reader: what it shows, under which configuration. */
  name: (config: SessionConfig) =>
    `Storage stack of a KVM guest under cache=${config.mode}, ${config.guestFs} guest with barriers ${onOff(config.guestBarriers)}, disk write cache ${config.diskCache}: guest application, guest page cache, guest filesystem, virtual disk, QEMU, host page cache, disk write cache and platters, with the red, gray, blue and green arrows.`,
  clock: "Model time:",
  /** " — power lost", beside the clock once a failure struck. */
  struck: (kind: FailureKind) => ` — ${FAILURE[kind].struck}`,
  volatile: "⚡ volatile",
  stable: "▣ stable",
  /** The guest's frame on a phone, where its full name does not fit. */
  guestShort: "Guest (VM)",
  qemuTitle: (config: SessionConfig) => `QEMU · cache=${config.mode}`,
  qemuControl: (config: SessionConfig, next: string) =>
    `QEMU cache mode: ${config.mode}. Activate to switch to ${next}.`,
  fsControl: (config: SessionConfig) =>
    `Guest filesystem: ${config.guestFs}, barriers ${onOff(config.guestBarriers)}. Activate to turn barriers ${onOff(!config.guestBarriers)}.`,
  /** The flag's tooltip: where an O_SYNC call returns. */
  doneTitle: (boxTitle: string) =>
    `An O_SYNC write returns ("done") here: ${boxTitle.toLowerCase()}`,
  done: "done",
} as const;
