/** The matrix tool as a docs author calls it: a real process. */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import type { MatrixRow } from "../model/matrix";

const SCRIPT = new URL("./matrix.ts", import.meta.url).pathname;

function matrix(args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", SCRIPT, ...args], {
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run matrix", () => {
  it("prints JSON rows a docs build can consume", () => {
    const { status, stdout } = matrix(["--format", "json"]);
    expect(status).toBe(0);
    const rows = JSON.parse(stdout) as MatrixRow[];
    expect(rows).toHaveLength(40);
    expect(
      rows.find((r) => r.mode === "none" && !r.guestBarriers && r.kind === "osync"),
    ).toMatchObject({
      ackedIn: "disk-cache",
      arrows: ["gray"],
      safeOnPowerLoss: false,
    });
  });

  it("follows the disk cache: with it off, none without barriers is safe", () => {
    const rows = JSON.parse(matrix(["--format", "json", "--disk", "off"]).stdout) as MatrixRow[];
    expect(
      rows.find((r) => r.mode === "none" && !r.guestBarriers && r.kind === "osync"),
    ).toMatchObject({
      ackedIn: "platters",
      safeOnPowerLoss: true,
    });
  });

  it("follows the guest filesystem: ext3 makes buffered data durable at the next commit", () => {
    const read = (fs: string) =>
      (JSON.parse(matrix(["--format", "json", "--fs", fs]).stdout) as MatrixRow[]).find(
        (r) => r.mode === "writeback" && r.guestBarriers && r.kind === "normal",
      );
    expect(read("ext3")?.durableAfterMs).toBeLessThan(6_000);
    expect(read("ext4")?.durableAfterMs).toBeGreaterThan(30_000);
  });

  it("prints a markdown table by default", () => {
    const { status, stdout } = matrix([]);
    expect(status).toBe(0);
    expect(stdout.split("\n")[0]).toMatch(/^\| mode \| guest barriers \|/);
    // The page's word for a call that returned; "acked" is a third word for the same thing.
    expect(stdout.split("\n")[0]).toContain("| returns with its data in | returns after |");
    expect(stdout).not.toMatch(/acked/);
  });

  it.each([
    [["--format", "html"], /^error: --format: expected one of md, json, got html/],
    [["--disk", "ssd"], /^error: --disk: expected one of volatile, off, battery, got ssd/],
    [["--verbose"], /^error: unknown argument --verbose/],
    [["--fs", "xfs"], /^error: --fs: expected one of ext3, ext4, got xfs/],
    [["--format"], /^error: --format needs a value/],
  ])("bad arguments %j: one line, exit status 2", (args, message) => {
    const { status, stdout, stderr } = matrix(args);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });
});
