/**
 * The lab's two records of its last run agree: docs/lab.md (for the repository) and
 * src/lab/table.json (for the page, which cannot link to docs/lab.md once deployed) hold the same
 * tables, cell for cell, and both are written from labTables.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import table from "../src/lab/table.json";
import { labDoc } from "./labdoc";
import { KILL_HEADER, labTables, markdownTable, RUN_HEADER, type LabResults } from "./report";

const doc = readFileSync(new URL("../docs/lab.md", import.meta.url), "utf8");
const captured = JSON.parse(
  readFileSync(new URL("fixtures/lab-results.json", import.meta.url), "utf8"),
) as LabResults;

describe("the lab's tables", () => {
  it("are the same in docs/lab.md and src/lab/table.json", () => {
    expect(table.runs.head).toEqual(RUN_HEADER);
    expect(table.kills.head).toEqual(KILL_HEADER);
    expect(doc).toContain(markdownTable(table.runs.head, table.runs.rows));
    expect(doc).toContain(markdownTable(table.kills.head, table.kills.rows));
  });

  it("come from labTables, the one source of docs/lab.md's tables", () => {
    const tables = labTables(captured);
    expect(tables.runs.rows).toHaveLength(captured.runs.length);
    const written = labDoc(captured);
    expect(written).toContain(markdownTable(tables.runs.head, tables.runs.rows));
    expect(written).toContain(markdownTable(tables.kills.head, tables.kills.rows));
  });
});
