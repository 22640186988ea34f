/**
 * The comparison on real output: lab/fixtures/*.strace are QEMU 7.2 runs captured by
 * `npm run lab -- --writes 3` (absolute paths shortened to the image's name), one boot each.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { CacheMode } from "../src/model/config";
import { compareRun, observeConfig } from "./compare";
import { WRITE_KINDS } from "./kinds";
import { hostCallsOf, observeBoot } from "./observe";
import { configOf, predictRun, type SeedError } from "./predict";
import { parseStrace } from "./strace";

function boot(name: string) {
  const text = readFileSync(new URL(`fixtures/${name}.strace`, import.meta.url), "utf8");
  return observeBoot(parseStrace(text), "ext4.img");
}

function compareBoot(mode: CacheMode, barriers: boolean, seed: SeedError | null = null) {
  const observed = boot(`${mode}-barrier${barriers ? "1" : "0"}`);
  const config = configOf(mode, barriers, seed);
  return WRITE_KINDS.map((k) =>
    compareRun(mode, barriers, k.id, predictRun(config, k.id), observed),
  );
}

describe("a boot read from QEMU's system calls", () => {
  it("finds the guest's calls, the image's open flags and the guest's write cache", () => {
    const b = boot("writeback-barrier1");
    expect(b.calls.map((c) => `${c.kind} ${String(c.index)}`)).toEqual(
      WRITE_KINDS.flatMap((k) => [0, 1, 2].map((i) => `${k.id} ${String(i)}`)),
    );
    expect(b.opens).toEqual([{ fd: 8, flags: ["O_RDWR", "O_CLOEXEC"] }]);
    expect(b.writeCache).toEqual({ vda: "write back" });
    expect(boot("none-barrier0").opens[0]?.flags).toContain("O_DIRECT");
  });

  it("sees what each mode does with a write and a flush", () => {
    const perCall = (name: string, kind: string) =>
      boot(name)
        .calls.filter((c) => c.kind === kind)
        .map((c) => hostCallsOf(c.imageCalls));
    expect(perCall("writeback-barrier1", "fsync")).toEqual(Array(3).fill("pwrite+fdatasync"));
    expect(perCall("unsafe-barrier1", "fsync")).toEqual(Array(3).fill("pwrite"));
    expect(perCall("writethrough-barrier1", "odirect")).toEqual(Array(3).fill("pwrite+fdatasync"));
    expect(perCall("none-barrier0", "buffered")).toEqual(Array(3).fill("none"));
    expect(observeConfig(boot("writethrough-barrier1"))).toEqual({
      odirect: false,
      guestSeesWriteCache: false,
      fdatasyncPerFlush: false,
      fdatasyncPerWrite: true,
    });
  });

  it("times every call from the guest's own clock", () => {
    for (const c of boot("none-barrier0").calls) expect(c.latencyMs).toBeGreaterThan(0);
  });
});

describe("compareRun on real output", () => {
  it.each([
    ["writeback", true],
    ["writethrough", true],
    ["unsafe", true],
    ["none", false],
  ] as const)("holds for %s with barriers %s", (mode, barriers) => {
    const rows = compareBoot(mode, barriers);
    expect(rows.filter((r) => !r.holds)).toEqual([]);
  });

  it("fails when the model is seeded with unsafe passing flushes down", () => {
    const rows = compareBoot("unsafe", true, "unsafe-passes-flushes");
    expect(rows.every((r) => !r.checks.fdatasyncPerFlush)).toBe(true);
    const failed = rows.filter((r) => !r.checks.completesAfter).map((r) => r.kind);
    expect(failed).toEqual(["fsync", "osync"]);
  });

  it("fails when the model is seeded with cache=none keeping the host page cache", () => {
    const rows = compareBoot("none", false, "none-uses-host-cache");
    expect(rows.every((r) => !r.checks.odirect && !r.holds)).toBe(true);
  });

  it("fails a call that returned before the host call the model names", () => {
    const observed = boot("unsafe-barrier1");
    // The writeback model expects an fdatasync before an fsync returns: unsafe never makes one.
    const row = compareRun(
      "unsafe",
      true,
      "fsync",
      predictRun(configOf("writeback", true, null), "fsync"),
      observed,
    );
    expect(row.checks.completesAfter).toBe(false);
    expect(row.observed).toMatchObject({ completesAfter: "pwrite", callsAgreeing: 3, calls: 3 });
  });
});
