import { describe, expect, it } from "vitest";
import { readTourLink } from "../tours/index";
import { URL_NOTICE } from "./url";

describe("readTourLink", () => {
  it.each([
    ["article", "3", { id: "article", step: 2 }, null],
    ["beyond", null, { id: "beyond", step: 0 }, null],
    ["secret", "1", null, "“tour” is not valid (expected one of article, beyond)"],
    ["article", "0", { id: "article", step: 0 }, "“step” is not valid"],
    ["article", "two", { id: "article", step: 0 }, "“step” is not valid"],
    ["article", "1e9", { id: "article", step: 0 }, "“step” is not valid"],
  ])("tour=%s&step=%s", (id, step, tour, notice) => {
    const read = readTourLink(id, step);
    expect(read.tour).toEqual(tour);
    expect(read.problems.map(URL_NOTICE.tourLink)).toEqual(
      notice === null ? [] : [expect.stringContaining(notice)],
    );
  });
});
