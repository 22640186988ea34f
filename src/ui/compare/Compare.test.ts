/** The compared diagram keeps the page's writes, failure and time, under its own configuration. */
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../scenario/session";
import { createDiagramStore } from "../../store/store";
import { comparedConfig, mirror } from "./Compare";
import { readUrlConfig } from "../../link/url";

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
