import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, simulateSession } from "../scenario/session";
import { configurationLine } from "./configuration";
import { ledgerTable, linkBack, toCsv, toMarkdown, wrap } from "./exports";
import { PROMISE } from "./vocabulary";

describe("ledgerTable", () => {
  const ops = [
    { atMs: 0, kind: "osync" as const },
    { atMs: 0, kind: "normal" as const },
  ];

  it("has every operation's row, in the ledger's words, and the failure's column once it struck", () => {
    const calm = simulateSession({ config: DEFAULT_CONFIG, ops, crash: null });
    const before = ledgerTable({ timeline: calm, tMs: 0, failure: null });
    expect(before.header).toEqual(["#", "Write", "Issued at", "Data now", "Returned", "Durable"]);
    // Numbered from 1, as the page numbers them.
    expect(before.rows.map((r) => r.slice(0, 3))).toEqual([
      ["1", "O_SYNC write", "0 µs"],
      ["2", "Normal write", "0 µs"],
    ]);
    expect(before.notes).toEqual([]);
    const crash = { atMs: 0.05, kind: "power" as const };
    const struck = simulateSession({ config: DEFAULT_CONFIG, ops, crash });
    const after = ledgerTable({ timeline: struck, tMs: 0.05, failure: crash });
    expect(after.header.at(-1)).toBe("After the power loss");
    expect(after.rows[1]?.at(-1)).toMatch(/^✘ lost/);
    // With the failure's column, the tie rule: when a return at its very instant counts.
    expect(after.notes).toEqual([PROMISE.tie]);
    // Scrubbed back before the failure: the world before it, no verdict yet.
    expect(ledgerTable({ timeline: struck, tMs: 0.01, failure: crash }).header).toHaveLength(6);
  });
});

describe("toCsv", () => {
  it("quotes what needs quoting (RFC 4180) and ends lines with CRLF", () => {
    const csv = toCsv({ header: ["a", "b"], rows: [["x, y", 'say "hi"']] });
    expect(csv).toBe('\ufeffa,b\r\n"x, y","say ""hi"""\r\n');
  });
});

describe("toMarkdown", () => {
  it("writes a table under its context and the link back, pipes escaped", () => {
    const md = toMarkdown(
      { header: ["a", "b"], rows: [["x | y", "z"]] },
      ["Title"],
      "https://a.test/?mode=none",
    );
    expect(md).toBe(
      "Title  \n<https://a.test/?mode=none>  \n\n| a | b |\n| --- | --- |\n| x \\| y | z |\n",
    );
  });

  it("leaves a crafted fragment out: no image from a link makes it into the handout", () => {
    const md = toMarkdown(
      { header: ["a"], rows: [] },
      ["Title"],
      "https://a.test/?mode=none#x)![t](https://tracker.test/t.png",
    );
    expect(md).not.toContain("](");
    expect(md).not.toContain("tracker");
    expect(md).toContain("<https://a.test/?mode=none>");
  });
});

describe("linkBack", () => {
  it("is the address without a fragment the page does not write", () => {
    expect(linkBack("https://a.test/p?mode=none&t=1#frag")).toBe("https://a.test/p?mode=none&t=1");
    expect(linkBack("https://a.test/p?mode=none")).toBe("https://a.test/p?mode=none");
  });

  it("keeps the fragment the page writes: the scenario's writes", () => {
    const href = "https://a.test/p?mode=none#writes=s0n12.5B1e-7d-.5";
    expect(linkBack(href)).toBe(href);
    expect(linkBack("https://a.test/p#writes=s0)![t](x")).toBe("https://a.test/p");
    expect(linkBack("https://a.test/p#writes=s0<b>")).toBe("https://a.test/p");
  });
});

describe("configurationLine", () => {
  it("names the mode, the guest, the drive, the faults and the instant", () => {
    expect(configurationLine(DEFAULT_CONFIG, 14.161)).toBe(
      "cache=writeback · ext4 guest, barriers on · disk write cache volatile · faults: none · model time 14.161 ms",
    );
    expect(configurationLine({ ...DEFAULT_CONFIG, hostBarriers: false }, 0)).toMatch(
      /faults: host filesystem without barriers/,
    );
  });
});

describe("wrap", () => {
  it("breaks between words, and cuts a word longer than a line (a link) into pieces", () => {
    expect(wrap("one two three four", 9)).toEqual(["one two", "three", "four"]);
    expect(wrap("see https://example.org/a-long-link", 12)).toEqual([
      "see",
      "https://exam",
      "ple.org/a-lo",
      "ng-link",
    ]);
  });
});
