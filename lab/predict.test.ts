import { describe, expect, it } from "vitest";
import { CACHE_MODES } from "../src/model/config";
import { WRITE_KINDS } from "./kinds";
import { configOf, predictBoot, predictRun, switchesOf } from "./predict";

const after = (mode: (typeof CACHE_MODES)[number], barriers: boolean, kind: string) =>
  predictRun(configOf(mode, barriers, null), kind as (typeof WRITE_KINDS)[number]["id"])
    .completesAfter;

describe("the model's predictions in QEMU's calls", () => {
  it("opens the image O_DIRECT exactly under none and directsync", () => {
    const direct = CACHE_MODES.filter((m) => predictBoot(configOf(m, true, null)).odirect);
    expect(direct).toEqual(["none", "directsync"]);
  });

  it("has unsafe never wait for an fdatasync, whatever the kind", () => {
    for (const kind of WRITE_KINDS) {
      expect(after("unsafe", true, kind.id)).not.toContain("fdatasync");
    }
    expect(predictBoot(configOf("unsafe", true, null)).fdatasyncPerFlush).toBe(false);
  });

  it("returns a plain buffered write before any host call, in every mode", () => {
    for (const mode of CACHE_MODES) expect(after(mode, true, "buffered")).toBe("none");
  });

  it("has an O_DIRECT write wait for a write, and an fdatasync only without a guest-visible cache", () => {
    expect(after("writeback", true, "odirect")).toBe("pwrite");
    expect(after("none", false, "odirect")).toBe("pwrite");
    expect(after("writethrough", false, "odirect")).toBe("pwrite+fdatasync");
    expect(after("directsync", true, "odirect")).toBe("pwrite+fdatasync");
  });

  it("passes a synced write's flush down only with guest barriers", () => {
    expect(after("writeback", true, "fsync")).toBe("pwrite+fdatasync");
    expect(after("writeback", false, "fsync")).toBe("pwrite");
    expect(after("none", true, "osync")).toBe("pwrite+fdatasync");
    expect(after("none", false, "osync")).toBe("pwrite");
  });

  it("plants a seeded error only in the mode it names", () => {
    expect(switchesOf("unsafe", "unsafe-passes-flushes").flushesIgnored).toBe(false);
    expect(switchesOf("writeback", "unsafe-passes-flushes").flushesIgnored).toBe(false);
    expect(switchesOf("unsafe", null).flushesIgnored).toBe(true);
    expect(
      predictRun(configOf("unsafe", true, "unsafe-passes-flushes"), "fsync").completesAfter,
    ).toBe("pwrite+fdatasync");
  });
});
