/**
 * The session's document is a scenario: one configuration, the writes, the failure. It runs as
 * the model runs it, and converts to and from the scenario format losslessly.
 */
import { describe, expect, it } from "vitest";
import { makeConfig } from "../model/config";
import { simulate } from "../model/simulate";
import { ALL_CONFIGS } from "../model/testing";
import { validateScenario } from "./schema";
import {
  DEFAULT_CONFIG,
  fromScenarioDoc,
  simulateSession,
  toScenarioDoc,
  type SessionDoc,
} from "./session";

const DOC: SessionDoc = {
  config: {
    ...DEFAULT_CONFIG,
    mode: "none",
    guestBarriers: false,
    guestFs: "ext3",
    diskCache: "battery",
  },
  ops: [
    { atMs: 0, kind: "normal" },
    { atMs: 5, kind: "osync" },
    { atMs: 2, kind: "barrier" },
  ],
  crash: { atMs: 10, kind: "host" },
};

describe("simulateSession", () => {
  it("is the model run on the document", () => {
    const expected = simulate({
      config: makeConfig({
        cache: "none",
        guestBarriers: false,
        guestFs: "ext3",
        diskCache: "battery",
        diskFlush: "honoured",
        hostBarriers: true,
      }),
      ops: DOC.ops,
      crash: DOC.crash,
    });
    expect(simulateSession(DOC)).toEqual(expected);
  });
});

describe("the scenario format", () => {
  it("round-trips a session through a valid scenario document", () => {
    const scenario = toScenarioDoc(DOC);
    expect(validateScenario(scenario)).toEqual({ ok: true, scenario });
    expect(fromScenarioDoc(scenario)).toEqual(DOC);
  });

  it("round-trips every configuration the table allows", () => {
    for (const config of ALL_CONFIGS) {
      const scenario = toScenarioDoc({ ...DOC, config });
      expect(validateScenario(scenario)).toEqual({ ok: true, scenario });
      expect(fromScenarioDoc(scenario).config).toEqual(config);
    }
  });

  it("keeps the ops in issue order, in the format's own field names", () => {
    expect(toScenarioDoc(DOC).ops).toEqual([
      { at: 0, kind: "normal" },
      { at: 5, kind: "osync" },
      { at: 2, kind: "barrier" },
    ]);
    expect(toScenarioDoc({ ...DOC, crash: null })).not.toHaveProperty("crash");
  });

  it("fills the optional fields of an older document with their defaults", () => {
    const doc = fromScenarioDoc({
      version: 1,
      config: { mode: "unsafe", guestBarriers: true },
      ops: [],
    });
    expect(doc.config).toEqual({
      mode: "unsafe",
      guestBarriers: true,
      guestFs: DEFAULT_CONFIG.guestFs,
      diskCache: DEFAULT_CONFIG.diskCache,
      diskFlush: "honoured",
      hostBarriers: true,
      reorder: false,
    });
    expect(doc.crash).toBeNull();
  });

  it("writes a fault into the document only when it is present", () => {
    const plain = toScenarioDoc({ config: DEFAULT_CONFIG, ops: [], crash: null });
    expect(Object.keys(plain.config)).toEqual(["mode", "guestBarriers", "guestFs", "diskCache"]);
    const faulty = toScenarioDoc({
      config: { ...DEFAULT_CONFIG, diskFlush: "ignored", hostBarriers: false },
      ops: [],
      crash: null,
    });
    expect(faulty.config).toMatchObject({ diskFlush: "ignored", hostBarriers: false });
    expect(fromScenarioDoc(faulty).config).toEqual({
      ...DEFAULT_CONFIG,
      diskFlush: "ignored",
      hostBarriers: false,
    });
  });
});
