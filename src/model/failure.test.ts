/**
 * docs/model.md §4, "What each failure destroys", cell by cell: each row puts one write's data in one
 * layer, then each failure strikes while it sits there.
 */
import { describe, expect, it } from "vitest";
import { isStable, stableLayer, wipes } from "./failure";
import { opOf, run, type Setup } from "./testing";
import type { FailureKind, LayerId, Op } from "./timeline";
import { positionAt } from "./position";

interface Row {
  sitsIn: string;
  setup: Setup;
  op: Op;
  atMs: number;
  layer: LayerId;
  survives: Record<FailureKind, boolean>;
}

const TABLE: Row[] = [
  {
    sitsIn: "guest page cache",
    setup: { mode: "writeback", barriers: true },
    op: { atMs: 0, kind: "normal" },
    atMs: 1_000,
    layer: "guest-page-cache",
    survives: { guest: false, qemu: false, host: false, power: false },
  },
  {
    // On the gray arrow: QEMU has the request, the disk has not acknowledged it (0.03–0.13 ms).
    sitsIn: "QEMU in flight",
    setup: { mode: "none", barriers: true },
    op: { atMs: 0, kind: "odirect" },
    atMs: 0.08,
    layer: "virtual-disk",
    survives: { guest: true, qemu: false, host: false, power: false },
  },
  {
    sitsIn: "host page cache",
    setup: { mode: "writeback", barriers: false },
    op: { atMs: 0, kind: "odirect" },
    atMs: 1_000,
    layer: "host-page-cache",
    survives: { guest: true, qemu: true, host: false, power: false },
  },
  {
    sitsIn: "disk write cache (volatile)",
    setup: { mode: "none", barriers: false },
    op: { atMs: 0, kind: "odirect" },
    atMs: 50,
    layer: "disk-cache",
    survives: { guest: true, qemu: true, host: true, power: false },
  },
  {
    sitsIn: "disk write cache (battery-backed)",
    setup: { mode: "none", barriers: false, disk: "battery" },
    op: { atMs: 0, kind: "odirect" },
    atMs: 50,
    layer: "disk-cache",
    survives: { guest: true, qemu: true, host: true, power: true },
  },
  {
    sitsIn: "platters",
    setup: { mode: "writethrough", barriers: false },
    op: { atMs: 0, kind: "osync" },
    atMs: 50,
    layer: "platters",
    survives: { guest: true, qemu: true, host: true, power: true },
  },
];

const CELLS = TABLE.flatMap((row) =>
  (["guest", "qemu", "host", "power"] as const).map((failure) => ({
    ...row,
    failure,
    expected: row.survives[failure],
  })),
);

describe("what each failure destroys (docs/model.md §4)", () => {
  it.each(CELLS)("data in the $sitsIn, $failure failure: survives $expected", (cell) => {
    // The data really is in that layer at that instant...
    expect(positionAt(opOf(run(cell.setup, [cell.op])), cell.atMs)?.layer).toBe(cell.layer);
    // ...and the failure then leaves it, or not.
    const crashed = run(cell.setup, [cell.op], { atMs: cell.atMs, kind: cell.failure });
    expect(opOf(crashed).survives).toBe(cell.expected);
    expect(wipes(cell.failure, cell.layer, cell.setup.disk ?? "volatile")).toBe(!cell.expected);
  });

  it("unsafe survives a QEMU crash after a flush, but not a host crash (§6.4)", () => {
    const setup = { mode: "unsafe" as const, barriers: true };
    const ops: Op[] = [{ atMs: 0, kind: "osync" }];
    expect(opOf(run(setup, ops, { atMs: 10, kind: "qemu" })).survives).toBe(true);
    expect(opOf(run(setup, ops, { atMs: 10, kind: "host" })).survives).toBe(false);
  });

  it("stable storage is the platters or a battery-backed cache", () => {
    expect(isStable("platters", "volatile")).toBe(true);
    expect(isStable("disk-cache", "battery")).toBe(true);
    expect(isStable("disk-cache", "volatile")).toBe(false);
    expect(isStable("host-page-cache", "battery")).toBe(false);
  });
});

describe("stableLayer", () => {
  it("is the platters, or a battery-backed disk cache", () => {
    expect(stableLayer("volatile")).toBe("platters");
    expect(stableLayer("off")).toBe("platters");
    expect(stableLayer("battery")).toBe("disk-cache");
    for (const disk of ["volatile", "off", "battery"] as const) {
      expect(isStable(stableLayer(disk), disk)).toBe(true);
    }
  });
});
