import { describe, expect, it } from "vitest";
import { randomOps } from "../model/testing";
import { sessionEvents } from "./events";
import { eventInstants, nextInstant, previousInstant } from "./instants";
import { simulateSession } from "../scenario/session";
import { configLabel, EVERY_CONFIG } from "./testing";

describe("eventInstants", () => {
  // Every configuration, and with reordering (journal commit blocks travel too) the same ones.
  it.each(
    [...EVERY_CONFIG, ...EVERY_CONFIG.map((c) => ({ ...c, reorder: true }))].map(
      (c) => [`${configLabel(c)}${c.reorder ? ", reordering" : ""}`, c] as const,
    ),
  )("%s: exactly the instants of the typed events, with and without a crash", (_, config) => {
    for (const crash of [null, { atMs: 7_000, kind: "power" as const }]) {
      const timeline = simulateSession({ config, ops: randomOps(60, 20_000), crash });
      const fromEvents = [...new Set(sessionEvents(timeline).map((e) => e.tMs))].sort(
        (a, b) => a - b,
      );
      expect([...eventInstants(timeline)]).toEqual(fromEvents);
    }
  });
});

describe("nextInstant and previousInstant", () => {
  const instants = Float64Array.from([0, 1.5, 4]);
  it("find the neighbours strictly after and before a time", () => {
    expect(nextInstant(instants, 0)).toBe(1.5);
    expect(nextInstant(instants, 1)).toBe(1.5);
    expect(nextInstant(instants, 4)).toBeUndefined();
    expect(previousInstant(instants, 4)).toBe(1.5);
    expect(previousInstant(instants, 1.6)).toBe(1.5);
    expect(previousInstant(instants, 0)).toBeUndefined();
  });
});
