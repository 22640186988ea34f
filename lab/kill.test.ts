import { describe, expect, it } from "vitest";
import { CACHE_MODES } from "../src/model/config";
import { compareKill, predictKill } from "./kill";
import { configOf } from "./predict";

describe("predictKill", () => {
  it("loses only the buffered raw write when QEMU is killed, in every mode (docs/model.md §4)", () => {
    for (const mode of CACHE_MODES) {
      const v = predictKill(configOf(mode, true, null));
      expect([v.get("raw-normal"), v.get("raw-odirect"), v.get("raw-osync")]).toEqual([
        "lost",
        "survives",
        "survives",
      ]);
    }
  });

  it("keeps a flushed qcow2 allocation, and an unflushed one only when every write is flushed", () => {
    for (const mode of CACHE_MODES) {
      const v = predictKill(configOf(mode, true, null));
      expect(v.get("qcow2-flushed")).toBe("survives");
      const blue = mode === "writethrough" || mode === "directsync";
      expect(v.get("qcow2-unflushed")).toBe(blue ? "survives" : "may be lost");
    }
  });
});

describe("compareKill", () => {
  it("fails a write the model says survives when the image does not hold it", () => {
    const predicted = predictKill(configOf("none", true, null));
    const results = compareKill("none", predicted, (w) => w.name !== "raw-osync");
    expect(results.filter((r) => !r.holds).map((r) => r.write)).toEqual([
      "raw-normal",
      "raw-osync",
    ]);
  });

  it("accepts either outcome where docs/model.md says a write may be lost", () => {
    const predicted = predictKill(configOf("writeback", true, null));
    for (const found of [true, false]) {
      const r = compareKill("writeback", predicted, (w) =>
        w.name === "qcow2-unflushed" ? found : w.name !== "raw-normal",
      );
      expect(r.every((k) => k.holds)).toBe(true);
    }
  });
});
