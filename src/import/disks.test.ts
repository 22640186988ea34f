import { describe, expect, it } from "vitest";
import { MODE_SWITCHES } from "../model/config";
import { flag, readBool, settingOf } from "./disks";

describe("readBool", () => {
  it.each([
    [["on", "yes", "true", "y", "1", true], true],
    [["off", "no", "false", "n", "0", false], false],
    [[undefined], undefined],
    [["maybe", "ON", 7, null], null],
  ])("reads %j as %s", (values, expected) => {
    for (const value of values) expect(readBool(value)).toBe(expected);
  });
});

describe("flag", () => {
  it("gives the switch's value, or the sentence that leaves the disk out, readably", () => {
    expect(flag("cache.direct", "on", "vda")).toBe(true);
    expect(flag("write-cache", { on: 1 }, "vda")).toBe(
      'write-cache={"on":1} on vda is neither on nor off; that disk is left out.',
    );
  });
});

describe("settingOf", () => {
  it("names the mode of the switches, with the default's note only when nothing was set", () => {
    expect(settingOf(MODE_SWITCHES.none, true, "default", "vda")).toEqual({
      mode: "none",
      explicit: true,
      note: null,
    });
    expect(settingOf(MODE_SWITCHES.writeback, false, "default", "vda")).toEqual({
      mode: "writeback",
      explicit: false,
      note: "default",
    });
  });
});
