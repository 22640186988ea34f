import { describe, expect, it } from "vitest";
import { parseScenario } from "./schema";
import { decodeScenarioFile, duplicateKey } from "./text";
import type { Problem } from "./fields";
import { problemLine } from "../text/scenario";

const DOC =
  '{"version":1,"config":{"mode":"none","guestBarriers":true},"ops":[{"at":1,"kind":"osync"}]}';

/** `text` as UTF-16 in the given byte order, with its byte-order mark. */
function utf16(text: string, order: "le" | "be"): Uint8Array {
  const le = Buffer.from(`\uFEFF${text}`, "utf16le");
  return order === "le" ? le : le.swap16();
}

/** What the page and the CLI say for a refused document (src/text/scenario.ts). */
function said(result: { ok: true } | { ok: false; problem: Problem }): string {
  return result.ok ? "accepted" : problemLine(result.problem);
}

describe("decodeScenarioFile", () => {
  it.each([
    ["UTF-8", Buffer.from(DOC)],
    ["UTF-8 with a byte-order mark", Buffer.from(`\uFEFF${DOC}`)],
    ["UTF-16LE with its mark", utf16(DOC, "le")],
    ["UTF-16BE with its mark", utf16(DOC, "be")],
  ])("reads %s as the same text", (_, bytes) => {
    expect(decodeScenarioFile(bytes)).toEqual({ ok: true, text: DOC });
  });

  it("refuses UTF-16 without a mark by name, rather than as broken JSON", () => {
    const result = decodeScenarioFile(Buffer.from(DOC, "utf16le"));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(problemLine(result.problem)).toContain("UTF-16 without a byte-order mark");
  });

  it("refuses bytes that are not text", () => {
    expect(said(decodeScenarioFile(Buffer.from([0x7b, 0xff, 0x7d])))).toBe(
      "document: not valid UTF-8 text",
    );
    // An odd byte count cannot be UTF-16.
    expect(said(decodeScenarioFile(Buffer.from([0xff, 0xfe, 0x7b])))).toBe(
      "document: not valid UTF-16 text",
    );
  });
});

describe("duplicateKey", () => {
  it.each([
    ['{"a":1,"a":2}', "a"],
    ['{"a":1,"\\u0061":2}', "a"],
    ['{"x":{"b":[1,{"c":1,"c":2}]}}', "c"],
    ['{"k\\"":1,"k\\"":2}', 'k"'],
    ['[{"a":1},{"a":2}]', null],
    ['{"a":"a","b":{"a":1}}', null],
    ['{"a":["a","a"],"b":"{\\"a\\":1,\\"a\\":2}"}', null],
    [DOC, null],
  ])("%s: %s", (text, key) => {
    expect(duplicateKey(text)).toBe(key);
  });

  it("makes a scenario with a key twice invalid, naming the key", () => {
    const twice =
      '{"version":1,"config":{"mode":"none","mode":"unsafe","guestBarriers":true},"ops":[]}';
    expect(said(parseScenario(twice))).toBe('document: the key "mode" appears twice in one object');
  });
});
