/**
 * The controls' words: the configuration beside the diagram (src/ui/controls/Configuration.tsx)
 * and the toolbar (src/ui/controls/Toolbar.tsx). Part of the first view. The names of a radio
 * group and of its radios are a contract with the e2e tests (the values themselves name the
 * radios: cache modes, filesystems, disk caches are QEMU's and Linux's own words).
 */
import { MAX_WRITES } from "../scenario/limit";

export const CONFIGURATION = {
  mode: "Cache mode",
  guest: "Guest",
  presetsGroup: "The article's guests",
  /** The article's two guests (docs/model.md §3, §5b), one click each. */
  presets: {
    debian6: "Debian 6 guest: ext3, no barriers",
    ext4: "ext4 guest: barriers on",
  },
  /**
   * What each preset stands for, on hover (docs/model.md §2, §3): Debian 6's 2.6.32 virtio driver
   * knows FLUSH but not CONFIG_WCE, so newer machine types give it a write cache in every mode.
   */
  presetNotes: {
    debian6:
      "Debian 6 (2.6.32): ext3 without barriers. On a virtio disk with a machine type newer than pc-*-4.2, its driver, which knows FLUSH but predates CONFIG_WCE, accepts FLUSH and QEMU turns its write cache on: writethrough then behaves as writeback and directsync as none.",
    ext4: "A current guest: ext4 with its default barriers.",
  },
  guestFs: "Guest filesystem",
  barriers: "Guest barriers",
  barriersHint: (on: boolean) =>
    on
      ? "fsync, O_SYNC and journal commits send flushes when the virtual disk reports a write cache (ext4's default; ext3 with barrier=1)."
      : "Flushes never leave the guest (ext3 as Debian 6 shipped it; ext4 with barrier=0).",
  disk: "Disk write cache",
} as const;

export const TOOLBAR = {
  writes: "Issue a write",
  burst: (n: number) => `Burst: ${String(n)} O_SYNC writes`,
  burstTitle: "Ten O_SYNC writes from one thread: each is issued when the previous one returned",
  /** Burst is off: fewer writes than it issues fit under the page's limit. */
  burstNoRoom: (burst: number, left: number) =>
    `${String(burst)} more writes would pass the ${String(MAX_WRITES)} the page keeps (${String(left)} still fit): issue them one by one, or Reset.`,
  /** Said (and announced) once the scenario holds the most writes the page keeps. */
  full: `This scenario holds ${String(MAX_WRITES)} writes, the most the page keeps: a link, an exported file and this tab carry no more, so a further write is refused. Reset to write again.`,
  playback: "Playback",
  play: (playing: boolean) => (playing ? "Pause" : "Play"),
  stepBack: "Step back",
  stepForward: "Step forward",
  speed: "Speed",
  /** "2×". */
  speedValue: (speed: number) => `${String(speed)}×`,
  reset: "Reset",
  failures: "Failures",
  worst: "Power loss at the worst moment",
  worstTitle:
    "Cuts the power at the instant, among those played so far, when the most acknowledged writes were not yet durable",
  undo: "Undo failure",
} as const;
