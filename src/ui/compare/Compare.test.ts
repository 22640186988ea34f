/** The compared diagram keeps the page's writes, failure and time, under its own configuration. */
import { describe, expect, it } from "vitest";
import { CONFIG_FIELDS, CONFIG_KEYS, type ConfigKey } from "../../model/config";
import { DEFAULT_CONFIG, scenarioConfig, type SessionConfig } from "../../scenario/session";
import { createDiagramStore } from "../../store/store";
import { comparedConfig, mirror, writeCompareSearch } from "./Compare";
import { readUrlConfig } from "../../link/url";
import { writeUrlConfig } from "../../link/urlWrite";

describe("mirror", () => {
  it("gets every write and the failure, keeps its own configuration, and follows the playhead", () => {
    const left = createDiagramStore(DEFAULT_CONFIG);
    const right = createDiagramStore({ ...DEFAULT_CONFIG, mode: "writethrough" });
    mirror(left, right);
    left.getState().issue("osync");
    left.getState().issue("normal");
    expect(right.getState().toScenario().ops).toEqual(left.getState().toScenario().ops);
    expect(right.getState().config.mode).toBe("writethrough");
    for (let i = 0; i < 200; i++) left.getState().advance(1 / 30);
    left.getState().setPlaying(true);
    for (let i = 0; i < 60; i++) left.getState().advance(1 / 30);
    expect(right.getState().playhead.tMs).toBe(left.getState().playhead.tMs);
    left.getState().fail("power");
    expect(right.getState().failure).toEqual(left.getState().failure);
    left.getState().reset();
    expect(right.getState().ops).toEqual([]);
  });
});

/** Every field of the configuration table at each of its values other than the default. */
const CHANGES: Partial<SessionConfig>[] = CONFIG_KEYS.flatMap((key) => {
  const { values, default: fallback } = CONFIG_FIELDS[key];
  const others: readonly SessionConfig[ConfigKey][] = values;
  return others.filter((v) => v !== fallback).map((value) => ({ [key]: value }));
});

describe("a change on the page while comparing", () => {
  it.each(CHANGES)("%o: the compared diagram is as reloading the link makes it", (change) => {
    const left = createDiagramStore(DEFAULT_CONFIG);
    const right = createDiagramStore(comparedConfig(null, DEFAULT_CONFIG, readUrlConfig).config);
    mirror(left, right);
    left.getState().issue("osync");
    left.getState().setConfig(change);

    // The address bar as the page writes it: its own configuration, then the compared one.
    const link = writeCompareSearch(
      writeUrlConfig("", left.getState().config),
      right.getState().config,
    );
    const reloaded = comparedConfig(link, readUrlConfig(link).config, readUrlConfig).config;
    expect(right.getState().config).toEqual(reloaded);
    // And its writes fare as on reload (under a fault, the O_SYNC write's flush stops short).
    const again = createDiagramStore(reloaded);
    again.getState().load({ ...left.getState().toScenario(), config: scenarioConfig(reloaded) });
    expect(right.getState().timeline.ops).toEqual(again.getState().timeline.ops);
  });

  it("a fault the page turns on is the compared diagram's too (the bug of issue 16)", () => {
    const left = createDiagramStore(DEFAULT_CONFIG);
    const right = createDiagramStore({ ...DEFAULT_CONFIG, mode: "none" });
    mirror(left, right);
    left.getState().issue("osync");
    left.getState().setConfig({ diskFlush: "ignored" });
    expect(right.getState().config).toEqual({
      ...DEFAULT_CONFIG,
      mode: "none",
      diskFlush: "ignored",
    });
    // cache=none with a drive that ignores flushes: the O_SYNC write returns from its cache.
    expect(right.getState().timeline.ops[0]?.ackedIn).toBe("disk-cache");
  });
});

describe("follow", () => {
  it("moves the playhead every time and commits time only across an instant", () => {
    const store = createDiagramStore({ ...DEFAULT_CONFIG, mode: "writethrough" });
    store.getState().issue("osync");
    const [first, second] = store.getState().instants.filter((t) => t > 0);
    if (first === undefined || second === undefined) throw new Error("two instants after 0");
    store.getState().follow(first / 2);
    expect(store.getState().playhead.tMs).toBe(first / 2);
    expect(store.getState().tMs).toBe(0);
    store.getState().follow((first + second) / 2);
    expect(store.getState().tMs).toBe((first + second) / 2);
    store.getState().follow(1e12);
    expect(store.getState().playhead.tMs).toBe(store.getState().endMs);
  });
});

describe("comparedConfig", () => {
  const page = { ...DEFAULT_CONFIG, guestBarriers: false };
  it("compares writeback with none by default, and none (or any other) with writeback", () => {
    expect(comparedConfig(null, page, readUrlConfig).config).toEqual({ ...page, mode: "none" });
    expect(comparedConfig(null, { ...page, mode: "none" }, readUrlConfig).config.mode).toBe(
      "writeback",
    );
  });
  it("reads the link's compare parameters, naming a bad one, the rest from the page", () => {
    const read = comparedConfig(
      "mode=none&compare=writethrough&compareFs=ext3&compareDisk=nvram",
      page,
      readUrlConfig,
    );
    expect(read.config).toEqual({ ...page, mode: "writethrough", guestFs: "ext3" });
    expect(read.notices).toEqual([expect.stringContaining("“compareDisk” is not valid")]);
  });
});
