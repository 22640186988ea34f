/** The headless runner as a user calls it: a real process, real files, standard input. */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_OPS } from "../scenario/schema";
import { MAX_INPUT_BYTES } from "./io";

const SCRIPT = new URL("./scenario.ts", import.meta.url).pathname;

function runner(args: string[], input?: string | Buffer) {
  const result = spawnSync(process.execPath, ["--import", "tsx", SCRIPT, ...args], {
    input,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs the tool on an endless standard input (`[[[[…`), written as fast as the tool reads it;
 * resolves when the tool exits, with how many bytes it had taken by then.
 */
function runnerOnEndlessInput(): Promise<{ status: number | null; stderr: string; fed: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", SCRIPT, "-"]);
    const chunk = Buffer.alloc(64 * 1024, "[");
    let fed = 0;
    let stderr = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (data: string) => (stderr += data));
    child.stdin.on("error", () => undefined); // EPIPE once the tool stops reading
    const feed = (): void => {
      if (child.exitCode !== null || child.stdin.destroyed) return;
      child.stdin.write(chunk, (error) => {
        if (error) return;
        fed += chunk.length;
        feed();
      });
    };
    feed();
    child.on("close", (status) => {
      resolve({ status, stderr, fed });
    });
  });
}

/** A valid document, as text. */
const SMALL_DOC = JSON.stringify({
  version: 1,
  config: { mode: "writethrough", guestBarriers: true },
  ops: [{ at: 2, kind: "odirect" }],
});

const TOO_LARGE = /^error: .* is larger than 32 MiB, the most a scenario may take/;

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

  describe("input size and encoding", () => {
    it("keeps the cap well above the largest valid document, pretty-printed", () => {
      const longestTime = 999_999_999_999.9999; // 17 significant digits, under the 10¹² limit
      const doc = {
        version: 1,
        config: {
          mode: "writethrough",
          guestBarriers: true,
          guestFs: "ext4",
          diskCache: "volatile",
        },
        ops: Array.from({ length: MAX_OPS }, () => ({ at: longestTime, kind: "barrier" })),
        crash: { at: longestTime, kind: "power" },
      };
      expect(Buffer.byteLength(JSON.stringify(doc, null, 4))).toBeLessThan(MAX_INPUT_BYTES / 2);
    });

    it("accepts a UTF-8 byte-order mark, on standard input and in a file", () => {
      const withBom = `\uFEFF${SMALL_DOC}`;
      const fromStdin = runner(["-"], withBom);
      expect(fromStdin.stderr).toBe("");
      expect(fromStdin.status).toBe(0);
      const dir = mkdtempSync(join(tmpdir(), "scenario-"));
      const file = join(dir, "bom.json");
      writeFileSync(file, withBom, "utf8");
      const fromFile = runner([file]);
      expect(fromFile.status).toBe(0);
      expect(fromFile.stdout).toBe(fromStdin.stdout);
      expect(JSON.parse(fromFile.stdout)).toMatchObject({ writes: [{ ackedIn: "platters" }] });
    });

    it(
      "reads a document of exactly the cap, and refuses one byte more",
      { timeout: 60_000 },
      () => {
        const padded = (size: number) => Buffer.from(SMALL_DOC.padEnd(size, " "));
        const atCap = runner(["-"], padded(MAX_INPUT_BYTES));
        expect(atCap.stderr).toBe("");
        expect(atCap.status).toBe(0);
        const over = runner(["-"], padded(MAX_INPUT_BYTES + 1));
        expect(over.status).toBe(2);
        expect(over.stdout).toBe("");
        expect(over.stderr).toMatch(TOO_LARGE);
        expect(over.stderr.trim().split("\n")).toHaveLength(1);
      },
    );

    it("stops reading an endless standard input at the cap", { timeout: 60_000 }, async () => {
      const { status, stderr, fed } = await runnerOnEndlessInput();
      expect(status).toBe(2);
      expect(stderr).toMatch(/^error: standard input is larger than 32 MiB/);
      expect(stderr.trim().split("\n")).toHaveLength(1);
      // Read incrementally: it took little more than the cap (plus what pipes buffer).
      expect(fed).toBeGreaterThan(MAX_INPUT_BYTES);
      expect(fed).toBeLessThan(MAX_INPUT_BYTES + 4 * 1024 * 1024);
    });

    it("stops reading an endless file at the cap", { timeout: 60_000 }, () => {
      const { status, stdout, stderr } = runner(["/dev/zero"]);
      expect(status).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toMatch(/^error: \/dev\/zero is larger than 32 MiB/);
    });

    it("refuses input that is not UTF-8, in one line", () => {
      const { status, stderr } = runner(["-"], Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
      expect(status).toBe(2);
      expect(stderr).toBe("error: standard input is not read (document: not valid UTF-8 text)\n");
    });

    it("reads UTF-16 with its byte-order mark as the page does (src/scenario/text.ts)", () => {
      const utf8 = runner(["-"], SMALL_DOC);
      const utf16 = runner(["-"], Buffer.from(`\uFEFF${SMALL_DOC}`, "utf16le"));
      expect(utf16.stderr).toBe("");
      expect(utf16.stdout).toBe(utf8.stdout);
    });

    it("refuses a document with a key twice, naming it", () => {
      const { status, stdout, stderr } = runner(
        ["-"],
        SMALL_DOC.replace('"version":1', '"version":1,"version":1'),
      );
      expect(status).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toBe('error: document: the key "version" appears twice in one object\n');
    });
  });
});

describe("reordering", () => {
  it('marks a write whose journal commit was durable at the crash while its data was not "inconsistent": true', () => {
    const doc = (at: number) =>
      JSON.stringify({
        version: 1,
        config: { mode: "none", guestBarriers: false, guestFs: "ext3", reorder: true },
        ops: [{ at: 0, kind: "normal" }],
        crash: { at, kind: "power" },
      });
    // The 5 s commit's block is on the platters at ~5014 ms; its data only at ~5114 ms.
    const between = runner(["-"], doc(5060));
    expect(between.status).toBe(0);
    const writes = (out: string) => (JSON.parse(out) as { writes: unknown[] }).writes;
    expect(writes(between.stdout)[0]).toMatchObject({ survives: false, inconsistent: true });
    const before = runner(["-"], doc(4000));
    expect(writes(before.stdout)[0]).not.toHaveProperty("inconsistent");
  });
});
