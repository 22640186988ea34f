/** docs/model.md §2: each mode's arrow, and what becomes of a guest flush, mode by mode. */
import { describe, expect, it } from "vitest";
import { DISK_CACHES, makeConfig, MODE_SWITCHES } from "./config";
import { flushOutcome, hostFlushFault, writeArrow } from "./rules";

const TABLE = [
  { mode: "writeback", arrow: "red", on: "passed" },
  { mode: "none", arrow: "gray", on: "passed" },
  { mode: "writethrough", arrow: "blue", on: "no-write-cache" },
  { mode: "directsync", arrow: "blue", on: "no-write-cache" },
  { mode: "unsafe", arrow: "red", on: "ignored-by-qemu" },
] as const;

describe("the decisions a configuration makes", () => {
  it.each(TABLE)(
    "$mode: writes take the $arrow arrow; a flush from a guest with barriers: $on",
    (row) => {
      const switches = MODE_SWITCHES[row.mode];
      expect(writeArrow(switches)).toBe(row.arrow);
      const config = (guestBarriers: boolean) => makeConfig({ cache: row.mode, guestBarriers });
      expect(flushOutcome(config(true))).toBe(row.on);
      expect(flushOutcome(config(false))).toBe("no-guest-barriers");
    },
  );
});

/** docs/model.md §4, faults: only a volatile drive cache can be left full by a flush. */
const FAULTS = [
  { diskFlush: "honoured", hostBarriers: true, volatile: null },
  { diskFlush: "ignored", hostBarriers: true, volatile: "ignored-by-drive" },
  { diskFlush: "honoured", hostBarriers: false, volatile: "no-host-barriers" },
  // No FLUSH is sent at all, so the drive's own failing never comes into play.
  { diskFlush: "ignored", hostBarriers: false, volatile: "no-host-barriers" },
] as const;

describe("faults below QEMU", () => {
  it.each(FAULTS.flatMap((f) => DISK_CACHES.map((diskCache) => ({ ...f, diskCache }))))(
    "drive flushes $diskFlush, host barriers $hostBarriers, disk cache $diskCache",
    (row) => {
      const expected = row.diskCache === "volatile" ? row.volatile : null;
      expect(hostFlushFault(row)).toBe(expected);
      for (const mode of ["writeback", "none"] as const) {
        const config = makeConfig({ cache: mode, guestBarriers: true, ...row });
        expect(flushOutcome(config)).toBe(expected ?? "passed");
      }
      // A fault never changes what the guest or QEMU decide.
      const config = makeConfig({ cache: "unsafe", guestBarriers: true, ...row });
      expect(flushOutcome(config)).toBe("ignored-by-qemu");
    },
  );
});
