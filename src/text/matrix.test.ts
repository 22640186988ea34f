/**
 * The generated safety matrix against the project's own domain reference: the O_SYNC table of
 * docs/model.md §3 is read and compared cell by cell with what the model produces.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CACHE_MODES, type CacheMode } from "../model/config";
import { safetyMatrix } from "../model/matrix";
import { describeArrows, matrixMarkdown } from "./matrix";
import type { LayerId } from "../model/timeline";

const DOMAIN = new URL("../../docs/model.md", import.meta.url);

const LAYER_WORDS: [RegExp, LayerId][] = [
  [/^host page cache/, "host-page-cache"],
  [/^disk write cache/, "disk-cache"],
  [/^platters/, "platters"],
];

interface DomainRow {
  mode: CacheMode;
  barriers: boolean[];
  ackedIn: LayerId;
  arrow: string;
  safe: boolean;
}

/** The rows of the O_SYNC table in docs/model.md §3. */
function osyncTable(markdown: string): DomainRow[] {
  const section = markdown.split("**O_SYNC write**")[1]?.split("**barrier**")[0] ?? "";
  return section
    .split("\n")
    .filter((line) => /^\| (writeback|none|writethrough|directsync|unsafe) \|/.test(line))
    .map((line) => {
      const [mode, barriers, acked, arrow, safe] = line
        .split("|")
        .slice(1, -1)
        .map((c) => c.trim());
      const layer = LAYER_WORDS.find(([pattern]) => pattern.test(acked ?? ""))?.[1];
      if (!mode || !barriers || !layer || !arrow || !safe)
        throw new Error(`cannot read row: ${line}`);
      return {
        mode: mode as CacheMode,
        barriers: barriers.startsWith("either") ? [false, true] : [barriers === "on"],
        ackedIn: layer,
        arrow,
        safe: safe.startsWith("yes"),
      };
    });
}

describe("the safety matrix", () => {
  const rows = safetyMatrix();

  it("has one row per mode × guest barriers × kind of write", () => {
    expect(rows).toHaveLength(CACHE_MODES.length * 2 * 4);
  });

  it("agrees with docs/model.md §3's O_SYNC table cell by cell", () => {
    const table = osyncTable(readFileSync(DOMAIN, "utf8"));
    expect(table.length).toBe(8);
    for (const row of table) {
      for (const guestBarriers of row.barriers) {
        const cell = rows.find(
          (r) => r.mode === row.mode && r.guestBarriers === guestBarriers && r.kind === "osync",
        );
        expect(cell?.ackedIn, `${row.mode} ${String(guestBarriers)}`).toBe(row.ackedIn);
        expect(cell?.safeOnPowerLoss, `${row.mode} ${String(guestBarriers)}`).toBe(row.safe);
        // "red, then green", "red, green refused", "blue": our words start with theirs.
        expect(cell && describeArrows(cell), `${row.mode} ${String(guestBarriers)}`).toMatch(
          new RegExp(`^${row.arrow}`),
        );
      }
    }
  });

  it("normal writes are acked in the guest page cache and unsafe everywhere", () => {
    for (const row of rows.filter((r) => r.kind === "normal")) {
      expect(row).toMatchObject({
        ackedIn: "guest-page-cache",
        arrows: [],
        safeOnPowerLoss: false,
      });
      expect(row.laterArrows.length).toBeGreaterThan(0);
    }
  });

  it("a barrier makes the earlier write safe exactly where flushes pass or are not needed", () => {
    const safe = rows
      .filter((r) => r.kind === "barrier" && r.safeOnPowerLoss)
      .map((r) => `${r.mode}/${String(r.guestBarriers)}`);
    expect(safe.sort()).toEqual(
      [
        "directsync/false",
        "directsync/true",
        "none/true",
        "writeback/true",
        "writethrough/false",
        "writethrough/true",
      ].sort(),
    );
  });

  it("prints as a markdown table a docs author can paste", () => {
    const md = matrixMarkdown(rows);
    expect(md.split("\n").filter((l) => l.startsWith("|"))).toHaveLength(rows.length + 2);
    expect(md).toContain(
      "| unsafe | on | O_SYNC write | host-page-cache | 0.062 ms | red, green refused | — | no |",
    );
  });
});
