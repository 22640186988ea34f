import { describe, expect, it } from "vitest";
import { shellWords } from "./shell";

describe("shellWords", () => {
  it("drops comments and joins continued lines, LF or CRLF, as a shell script runs them", () => {
    const script = "# start the VM\nqemu-system-x86_64 \\\n  -m 1G \\\r\n  -name a#b # trailing\n";
    expect(shellWords(script)).toEqual(["qemu-system-x86_64", "-m", "1G", "-name", "a#b"]);
  });

  it("keeps a quote without a partner as a character, as in an unquoted ps line", () => {
    expect(
      shellWords("/usr/bin/qemu-system-x86_64 -name Bob's -drive file=/vm/a.img,cache=none"),
    ).toEqual([
      "/usr/bin/qemu-system-x86_64",
      "-name",
      "Bob's",
      "-drive",
      "file=/vm/a.img,cache=none",
    ]);
  });

  it("reads double quotes with escapes, and backslashes outside quotes", () => {
    expect(
      shellWords(
        String.raw`qemu-system-x86_64 -drive "file=/vm/\"x\" \$1.img",cache=none -drive file=/vm/b\ c.img`,
      ),
    ).toEqual([
      "qemu-system-x86_64",
      "-drive",
      'file=/vm/"x" $1.img,cache=none',
      "-drive",
      "file=/vm/b c.img",
    ]);
  });

  it("reads JSON spread over several lines or holding spaces as one word, as ps and pretty-printers show it", () => {
    const blockdev =
      '{\n  "driver": "file",\n  "filename": "/vm/my disk.img",\n' +
      '  "node-name": "s",\n  "cache": {"direct": true, "no-flush": false}\n}';
    const device = '{"driver":"virtio-blk-pci","drive":"s","id":"v}da","write-cache":"on"}';
    expect(shellWords(`qemu-system-x86_64 -blockdev ${blockdev} -device ${device}`)).toEqual([
      "qemu-system-x86_64",
      "-blockdev",
      blockdev,
      "-device",
      device,
    ]);
  });
});
