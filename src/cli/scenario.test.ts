/** The headless runner as a user calls it: a real process, real files, standard input. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const SCRIPT = new URL("./scenario.ts", import.meta.url).pathname;

function runner(args: string[], input?: string) {
  const result = spawnSync(process.execPath, ["--import", "tsx", SCRIPT, ...args], {
    input,
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run scenario", () => {
  it("prints the outcome of a scenario file as JSON", () => {
    const dir = mkdtempSync(join(tmpdir(), "scenario-"));
    const file = join(dir, "s.json");
    writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        config: { mode: "writeback", guestBarriers: false },
        ops: [
          { at: 0, kind: "osync" },
          { at: 0, kind: "barrier" },
        ],
        crash: { at: 1, kind: "power" },
      }),
    );
    const { status, stdout } = runner([file]);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      version: 1,
      writes: [
        {
          op: 0,
          kind: "osync",
          ackedAt: 0.032,
          ackedIn: "host-page-cache",
          durableAt: null,
          paths: ["red"],
          survives: false,
        },
        {
          op: 1,
          kind: "barrier",
          ackedAt: 0.032,
          ackedIn: "host-page-cache",
          durableAt: null,
          paths: [],
          survives: null,
        },
      ],
    });
  });

  it("reads standard input for -", () => {
    const doc = {
      version: 1,
      config: { mode: "writethrough", guestBarriers: true },
      ops: [{ at: 2, kind: "odirect" }],
    };
    const { status, stdout } = runner(["-"], JSON.stringify(doc));
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      writes: [{ ackedIn: "platters", paths: ["blue"], survives: null }],
    });
  });

  it.each([
    [["-"], "not json", /^error: document: not valid JSON/],
    [
      ["-"],
      '{"version":1,"config":{"mode":"fast","guestBarriers":true},"ops":[]}',
      /^error: config\.mode: expected one of writeback, none/,
    ],
    [["/no/such/file.json"], undefined, /^error: cannot read \/no\/such\/file\.json \(ENOENT\)/],
    [[], undefined, /^error: usage: /],
  ])("bad input %j: one line on stderr, exit status 2, no stack trace", (args, input, message) => {
    const { status, stdout, stderr } = runner(args, input);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).not.toMatch(/\bat .*:\d+:\d+/);
  });
});
