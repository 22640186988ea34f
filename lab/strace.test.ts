import { describe, expect, it } from "vitest";
import { consoleLines, parseStrace, unescapeC } from "./strace";

// Lines as strace 6.1 printed them for QEMU 7.2 (lab/out/runs/*/qemu.strace).
const TRACE = `20400 1796620347.812546 openat(AT_FDCWD, "disk.img", O_RDWR|O_CLOEXEC) = 8
20403 1796620354.867312 writev(1, [{iov_base="@", iov_len=1}], 1) = 1
20403 1796620354.867450 writev(1, [{iov_base="b", iov_len=1}], 1) = 1
20403 1796620354.867493 writev(1, [{iov_base="\\n", iov_len=1}], 1) = 1
20409 1796620355.068660 pwrite64(8, "ffffffffffffffffffffffffffffffff"..., 4096, 2547712 <unfinished ...>
20403 1796620355.068700 writev(1, [{iov_base="x", iov_len=1}], 1) = 1
20409 1796620355.069000 <... pwrite64 resumed>) = 4096
20409 1796620355.070000 fdatasync(8)            = 0
20409 1796620355.080000 +++ exited with 0 +++
`;

describe("parseStrace", () => {
  const calls = parseStrace(TRACE);

  it("joins an interrupted call's two halves and times it by its return", () => {
    const pwrite = calls.find((c) => c.name === "pwrite64");
    expect(pwrite).toMatchObject({ tid: 20409, ret: "4096", startS: 1796620355.06866 });
    expect(pwrite?.endS).toBe(1796620355.069);
    expect(pwrite?.args).toMatch(/^8, "f+"\.\.\., 4096, 2547712/);
  });

  it("reads a call strace padded before its return value", () => {
    expect(calls.find((c) => c.name === "fdatasync")).toMatchObject({ args: "8", ret: "0" });
  });

  it("orders calls by return and skips exits", () => {
    expect(calls.map((c) => c.name)).toEqual([
      "openat",
      "writev",
      "writev",
      "writev",
      "writev",
      "pwrite64",
      "fdatasync",
    ]);
  });
});

describe("consoleLines", () => {
  it("rebuilds the guest's lines from QEMU's one-byte writes, timing first and last byte", () => {
    expect(consoleLines(parseStrace(TRACE))).toEqual([
      { text: "@b", firstS: 1796620354.867312, lastS: 1796620354.867493 },
    ]);
  });
});

it("takes a refused byte from QEMU's retry, not from the write that failed", () => {
  // Captured: the pipe to the lab was full, and QEMU's main loop wrote the byte again.
  const refused = `11908 1796621518.312104 writev(1, [{iov_base="b", iov_len=1}], 1) = 1
11908 1796621518.312170 writev(1, [{iov_base=" ", iov_len=1}], 1) = -1 EAGAIN (Resource temporarily unavailable)
11906 1796621518.313367 writev(1, [{iov_base=" ", iov_len=1}], 1) = 1
11906 1796621518.313420 writev(1, [{iov_base="3", iov_len=1}], 1) = 1
11908 1796621518.313809 writev(1, [{iov_base="\\n", iov_len=1}], 1) = 1
`;
  expect(consoleLines(parseStrace(refused)).map((l) => l.text)).toEqual(["b 3"]);
});

describe("unescapeC", () => {
  it("decodes strace's escapes", () => {
    expect(unescapeC(String.raw`a\n\t\\\"\0\x41\101`)).toBe('a\n\t\\"\0AA');
  });
});
