/**
 * The published JSON Schema (docs/scenario.schema.json) and the validator agree: on a corpus of
 * good and bad documents, and on random mutations of good ones. Someone who validates scenarios
 * with the schema accepts exactly what the tools accept.
 */
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CONFIG_FIELDS, CONFIG_KEYS } from "../model/config";
import { validateScenario } from "./schema";

const schema = JSON.parse(
  readFileSync(new URL("../../docs/scenario.schema.json", import.meta.url), "utf8"),
) as object;
interface SchemaConfig {
  readonly required: readonly string[];
  readonly properties: Readonly<Record<string, { type?: string; enum?: readonly string[] }>>;
}

const validate = new Ajv2020({ strict: true }).compile(schema);

const GOOD: unknown[] = [
  { version: 1, config: { mode: "none", guestBarriers: false }, ops: [] },
  {
    version: 1,
    config: { mode: "writeback", guestBarriers: true, guestFs: "ext3", diskCache: "battery" },
    ops: [
      { at: 0, kind: "normal" },
      { at: 1e12, kind: "osync" },
      { at: 0.5, kind: "barrier" },
      { at: 3, kind: "odirect" },
    ],
    crash: { at: 2, kind: "power" },
  },
];

const BAD: unknown[] = [
  null,
  [],
  "scenario",
  {},
  { version: 2, config: { mode: "none", guestBarriers: false }, ops: [] },
  { version: 1, config: { mode: "fast", guestBarriers: false }, ops: [] },
  { version: 1, config: { mode: "none", guestBarriers: "yes" }, ops: [] },
  { version: 1, config: { mode: "none", guestBarriers: true, guestFs: "xfs" }, ops: [] },
  { version: 1, config: { mode: "none", guestBarriers: true, diskCache: "ssd" }, ops: [] },
  { version: 1, config: { mode: "none", guestBarriers: true, extra: 1 }, ops: [] },
  { version: 1, config: { mode: "none" }, ops: [] },
  { version: 1, config: { mode: "none", guestBarriers: true } },
  { version: 1, config: { mode: "none", guestBarriers: true }, ops: {} },
  { version: 1, config: { mode: "none", guestBarriers: true }, ops: [{ at: -1, kind: "osync" }] },
  { version: 1, config: { mode: "none", guestBarriers: true }, ops: [{ at: 1e13, kind: "osync" }] },
  { version: 1, config: { mode: "none", guestBarriers: true }, ops: [{ at: "0", kind: "osync" }] },
  { version: 1, config: { mode: "none", guestBarriers: true }, ops: [{ at: 0, kind: "fsync" }] },
  { version: 1, config: { mode: "none", guestBarriers: true }, ops: [{ at: 0 }] },
  {
    version: 1,
    config: { mode: "none", guestBarriers: true },
    ops: [{ at: 0, kind: "osync", x: 1 }],
  },
  { version: 1, config: { mode: "none", guestBarriers: true }, ops: [], crash: { at: 0 } },
  {
    version: 1,
    config: { mode: "none", guestBarriers: true },
    ops: [],
    crash: { at: 0, kind: "meteor" },
  },
  { version: 1, config: { mode: "none", guestBarriers: true }, ops: [], other: true },
];

describe("docs/scenario.schema.json", () => {
  it("declares the configuration table's fields, their values and which are required", () => {
    const config = (schema as { properties: { config: SchemaConfig } }).properties.config;
    expect(Object.keys(config.properties)).toEqual(CONFIG_KEYS);
    expect(config.required).toEqual(CONFIG_KEYS.filter((key) => CONFIG_FIELDS[key].required));
    for (const key of CONFIG_KEYS) {
      const { values } = CONFIG_FIELDS[key];
      const declared = config.properties[key];
      if (values.some((v) => typeof v === "boolean")) expect(declared?.type).toBe("boolean");
      else expect(declared?.enum).toEqual(values);
    }
  });

  it.each(GOOD.map((d) => [JSON.stringify(d).slice(0, 60), d]))("accepts %s", (_, doc) => {
    expect(validate(doc)).toBe(true);
    expect(validateScenario(doc).ok).toBe(true);
  });

  it.each(BAD.map((d) => [JSON.stringify(d).slice(0, 80), d]))("rejects %s", (_, doc) => {
    expect(validate(doc)).toBe(false);
    expect(validateScenario(doc).ok).toBe(false);
  });

  it("agrees with the validator on random mutations of a good document", () => {
    const good = GOOD[1] as Record<string, unknown>;
    const value = fc.oneof(
      fc.constantFrom("writeback", "none", "ext3", "osync", "power", "volatile", "x"),
      fc.boolean(),
      fc.double({ noNaN: true }),
      fc.integer({ min: -5, max: 5 }),
      fc.constant(null),
      fc.constant([]),
    );
    const mutated = fc
      .tuple(
        fc.constantFrom(
          "version",
          "config",
          "ops",
          "crash",
          ...CONFIG_KEYS.map((key) => `config.${key}`),
          "ops.0.at",
          "ops.0.kind",
          "crash.at",
          "crash.kind",
        ),
        value,
      )
      .map(([path, v]) => {
        const doc = structuredClone(good);
        const keys = path.split(".");
        let at: Record<string, unknown> = doc;
        for (const key of keys.slice(0, -1)) at = at[key] as Record<string, unknown>;
        at[keys.at(-1) ?? ""] = v;
        return doc;
      });
    fc.assert(
      fc.property(mutated, (doc) => {
        expect(validate(doc)).toBe(validateScenario(doc).ok);
      }),
      { numRuns: 500 },
    );
  });
});
