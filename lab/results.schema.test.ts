/**
 * docs/lab-results.schema.json describes what the lab writes: a real lab-results.json (captured
 * by `npm run lab -- --mode writeback --mode writethrough --mode unsafe --mode none --writes 3`)
 * and results assembled now from the captured traces both validate, and broken ones do not.
 */
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { compareRun } from "./compare";
import { compareKill, predictKill } from "./kill";
import { WRITE_KINDS } from "./kinds";
import { observeBoot } from "./observe";
import { configOf, predictRun } from "./predict";
import { checkedOf, tally, type LabResults } from "./report";
import { parseStrace } from "./strace";

const schema = JSON.parse(
  readFileSync(new URL("../docs/lab-results.schema.json", import.meta.url), "utf8"),
) as object;
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);

const captured = JSON.parse(
  readFileSync(new URL("fixtures/lab-results.json", import.meta.url), "utf8"),
) as LabResults;

function assembled(): LabResults {
  const text = readFileSync(new URL("fixtures/writeback-barrier1.strace", import.meta.url), "utf8");
  const boot = observeBoot(parseStrace(text), "ext4.img");
  const config = configOf("writeback", true, null);
  const runs = WRITE_KINDS.map((k) =>
    compareRun("writeback", true, k.id, predictRun(config, k.id), boot),
  );
  const kills = compareKill("writeback", predictKill(config), (w) => w.name !== "raw-normal");
  return {
    ...captured,
    ...tally(runs, kills),
    runs,
    kills,
  };
}

describe("docs/lab-results.schema.json", () => {
  it("accepts a lab-results.json the lab wrote", () => {
    expect(validate(captured), JSON.stringify(validate.errors)).toBe(true);
    expect(captured.predictionsHold).toBe(captured.predictions);
  });

  it("accepts what the lab's code makes of captured traces today", () => {
    const results = assembled();
    expect(validate(results), JSON.stringify(validate.errors)).toBe(true);
    expect(results.predictions).toBe(4 * 5 + 5);
  });

  it("rejects a run without its latencies or with an unknown mode", () => {
    const results = assembled();
    const [first, ...rest] = results.runs;
    if (!first) throw new Error("no run");
    const noLatency = Object.fromEntries(Object.entries(first).filter(([k]) => k !== "latencyMs"));
    expect(validate({ ...results, runs: [noLatency, ...rest] })).toBe(false);
    expect(validate({ ...results, runs: [{ ...first, mode: "nocache" }, ...rest] })).toBe(false);
  });

  it("gives the page a summary consistent with the results", () => {
    expect(checkedOf(captured)).toMatchObject({
      qemu: captured.qemu,
      predictions: captured.predictions,
      predictionsHold: captured.predictionsHold,
      modes: ["writeback", "writethrough", "unsafe", "none"],
      report: "docs/lab.md",
    });
  });
});
