import { describe, expect, it } from "vitest";
import { parseScenario } from "../scenario/schema";
import { IMPORT_VM, SHARE } from "./share";
import { problemLine } from "./scenario";

/** The bidirectional controls (Unicode TR #9): embeddings, overrides, isolates and marks. */
const HIDDEN = /[\u202A-\u202E\u2066-\u2069\u200E\u200F]/u;

describe("the page's echoes of user input", () => {
  it("keeps every echo of user input free of bidi controls", () => {
    const name = `notes\u202Enosj.exe`;
    const echoes = [
      SHARE.opened(name),
      SHARE.invalid(name, "x"),
      SHARE.tooLarge(name),
      SHARE.tooManyWrites(name, 3, 2),
      IMPORT_VM.diskChoice(name, "none", `/var/lib/${name}`),
      IMPORT_VM.applied(name, "none", true),
    ];
    const invalid = parseScenario(
      `{"version":1,"config":{"mode":"${name}","guestBarriers":true},"ops":[]}`,
    );
    if (!invalid.ok) echoes.push(problemLine(invalid.problem));
    expect(echoes).toHaveLength(7);
    for (const echo of echoes) {
      expect(echo).not.toMatch(HIDDEN);
      expect(echo).toContain("<U+202E>");
    }
  });
});
