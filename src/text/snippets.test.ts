/**
 * "How to set this mode" (docs/model.md §7): every hypervisor line sets the current mode, the
 * guest filesystem line shows the fix when barriers are off (never how to turn them off), and
 * nothing claims a sysfs file the article's 2.6.32 guests do not have.
 */
import { describe, expect, it } from "vitest";
import { CACHE_MODES, MODE_SWITCHES } from "../model/config";
import { configLabel, EVERY_CONFIG } from "../store/testing";
import { snippets, type Snippet } from "./snippets";
import { DEFAULT_CONFIG } from "../scenario/session";

const ALL = EVERY_CONFIG;
const cases = ALL.map((c) => [configLabel(c), c] as const);

const HYPERVISORS = ["QEMU", "libvirt", "virt-install", "Proxmox"];

function find(list: readonly Snippet[], prefix: string): Snippet {
  const found = list.find((s) => s.label.startsWith(prefix));
  if (!found) throw new Error(`no snippet "${prefix}…"`);
  return found;
}

/** A line without its trailing `# comment`: what the reader would actually run or write. */
const command = (line: string) => line.replace(/\s+#.*$/, "");

const text = (s: Snippet) => [...s.lines, s.note ?? ""].join("\n");

describe("snippets", () => {
  it.each(cases)("%s: every hypervisor line sets the current mode", (_, config) => {
    const list = snippets(config);
    for (const name of HYPERVISORS) {
      const snippet = find(list, name);
      expect(snippet.lines.length).toBeGreaterThan(0);
      for (const line of snippet.lines) {
        expect(line).toMatch(new RegExp(`cache=(['"]?)${config.mode}\\1`));
        for (const other of CACHE_MODES.filter((m) => m !== config.mode))
          expect(line).not.toMatch(new RegExp(`cache=['"]?${other}\\b`));
      }
    }
  });

  it.each(cases)("%s: QEMU and libvirt name the image format", (_, config) => {
    const list = snippets(config);
    for (const line of find(list, "QEMU").lines) expect(line).toMatch(/format=(raw|qcow2)/);
    expect(find(list, "QEMU").lines[0]).toContain("format=raw");
    expect(find(list, "QEMU").note).toContain("raw, preallocated image");
    expect(find(list, "libvirt").lines[0]).toContain("type='raw'");
    expect(find(list, "virt-install").lines[0]).toContain("format=raw");
  });

  it.each(cases.filter(([, c]) => !c.guestBarriers))(
    "%s: barriers off — shows barrier=1, never barrier=0 or nobarrier",
    (_, config) => {
      const fs = find(snippets(config), "Guest filesystem");
      const commands = fs.lines.map(command).join("\n");
      expect(commands).toContain("barrier=1");
      expect(commands).not.toMatch(/barrier=0|nobarrier/);
      expect(commands).toContain("mount -o remount,barrier=1 /");
      for (const s of snippets(config))
        for (const line of s.lines) expect(command(line)).not.toMatch(/barrier=0|nobarrier/);
      if (config.guestFs === "ext3") {
        expect(commands).toMatch(/\/dev\/vda1 +\/ +ext3 +defaults,barrier=1 +0 1/);
        expect(fs.note).toContain("Debian 6");
      } else {
        expect(commands).toMatch(/ext4/);
        expect(fs.note).toMatch(/delete barrier=0 or nobarrier/);
      }
    },
  );

  it.each(cases.filter(([, c]) => c.guestBarriers))(
    "%s: barriers on — shows how to check them",
    (_, config) => {
      const fs = find(snippets(config), "Guest filesystem");
      expect(fs.label).toMatch(/check/);
      expect(fs.lines.join("\n")).toContain("/proc/mounts");
      expect(fs.note).toContain(config.guestFs);
      for (const line of fs.lines) expect(command(line)).not.toMatch(/barrier=0|nobarrier/);
    },
  );

  it.each(cases)("%s: the virtual disk's write cache, for any guest kernel", (_, config) => {
    const disk = find(snippets(config), "In the guest");
    const all = text(disk);
    expect(all).toContain("/sys/block/vda/queue/write_cache");
    expect(all).toMatch(/4\.7/);
    expect(all).toContain("2.6.32");
    expect(all).toContain("hdparm -W /dev/sda");
    const expected = MODE_SWITCHES[config.mode].guestSeesWriteCache
      ? "write back"
      : "write through";
    expect(disk.lines[0]).toContain(`# ${expected}`);
  });

  it.each(cases)("%s: the host disk's write cache", (_, config) => {
    const host = text(find(snippets(config), "Host disk"));
    switch (config.diskCache) {
      case "off":
        expect(host).toContain("hdparm -W0 /dev/sdX");
        expect(host).toContain("sdparm --clear=WCE /dev/sdX");
        expect(host).toMatch(/not persistent across power cycles/);
        break;
      case "volatile":
        expect(host).toContain("hdparm -W /dev/sdX");
        expect(host).toContain("hdparm -W0 /dev/sdX");
        break;
      case "battery":
        expect(host).toContain("a battery-backed or power-loss-protected controller cache");
        break;
    }
    expect(host).not.toContain("hdparm -W1");
  });

  // Issue 17, item 8: today's drives beside hdparm, each command as its manual spells it.
  it.each(["volatile", "off"] as const)(
    "drive cache %s: SATA, SAS and NVMe commands for the volatile write cache",
    (diskCache) => {
      const host = text(find(snippets({ ...DEFAULT_CONFIG, diskCache }), "Host disk"));
      expect(host).toContain("sdparm --clear=WCE /dev/sdX");
      expect(host).toContain("nvme set-feature /dev/nvme0 -f 6 --value=0");
      // Later nvme-cli 2.x reads -v as --verbose (early releases as the value): only --value= is safe.
      expect(host).not.toMatch(/set-feature[^\n]* -v /);
      if (diskCache === "volatile") {
        expect(host).toContain("sdparm --get=WCE /dev/sdX");
        expect(host).toContain("nvme get-feature /dev/nvme0 -f 6");
        expect(host).toContain("/sys/block/sdX/queue/write_cache");
      }
    },
  );

  // Issue 18, item 5: the message went away in 2.6.37; /proc/mounts is the check.
  it.each([true, false])(
    "host barriers %s: the dmesg check is labelled for kernels up to 2.6.36",
    (hostBarriers) => {
      const host = find(snippets({ ...DEFAULT_CONFIG, hostBarriers }), "Host filesystem");
      const dmesg = host.lines.find((l) => l.includes("disabling barriers")) ?? "";
      expect(dmesg).toContain("kernels ≤ 2.6.36");
      expect(dmesg).not.toContain("they are on");
      if (hostBarriers) expect(host.note).toContain("/proc/mounts is the check that counts");
    },
  );

  // Issue 18, item 12: ext3's barrier default is the kernel's, not 2.6.32's.
  it("ext3 with barriers: names whose 2.6.32 leaves barriers off and whose turns them on", () => {
    const guest = find(
      snippets({ ...DEFAULT_CONFIG, guestFs: "ext3", guestBarriers: true }),
      "Guest filesystem",
    );
    expect(guest.note).toContain("Debian 6's kernel");
    expect(guest.note).toContain("RHEL 6's 2.6.32");
    expect(guest.note).not.toContain("on the article's 2.6.32 kernels ext3's default is off");
  });

  // Issue 18, item 13: a sparse raw file's metadata is in the host's journal, which a QEMU kill spares.
  it("the image note tells qcow2 (QEMU kill or host failure) from sparse raw (host failures only)", () => {
    const note = find(snippets(DEFAULT_CONFIG), "QEMU").note ?? "";
    expect(note).toMatch(/qcow2 \(format=qcow2\)[^;]*a QEMU kill or a host failure/);
    expect(note).toMatch(
      /sparse raw file[^—]*a host crash or power cut can \(a QEMU kill cannot\)/,
    );
  });

  // Issue 18, item 14: qm set replaces the whole drive string.
  it.each(CACHE_MODES)("Proxmox, %s: repeat the drive's other options from qm config", (mode) => {
    expect(find(snippets({ ...DEFAULT_CONFIG, mode }), "Proxmox").note).toContain(
      "repeat the drive's other options from qm config <vmid>",
    );
  });

  it("Proxmox: none is called “No cache” but is not “no cache”", () => {
    const none = find(
      snippets({
        ...DEFAULT_CONFIG,
        mode: "none",
        guestBarriers: true,
        guestFs: "ext4",
        diskCache: "volatile",
      }),
      "Proxmox",
    );
    expect(none.note).toContain("“No cache”");
    expect(none.note).toMatch(/not “no cache”/);
    expect(none.note).toContain("drive's own write cache");
  });

  it.each(cases)("%s: labels are unique (they key the list)", (_, config) => {
    const labels = snippets(config).map((s) => s.label);
    expect(new Set(labels).size).toBe(labels.length);
    for (const s of snippets(config)) expect(new Set(s.lines).size).toBe(s.lines.length);
  });
});

describe("snippets under a fault (docs/model.md §4)", () => {
  const base = EVERY_CONFIG[0];
  if (!base) throw new Error("no configuration");

  it("a host filesystem without barriers: the fix, never how to turn them off", () => {
    const host = find(snippets({ ...base, hostBarriers: false }), "Host filesystem");
    expect(host.label).toMatch(/turn barriers back on/);
    expect(host.lines.map(command)).toContain("mount -o remount,barrier=1 /var/lib/libvirt/images");
    expect(host.lines.map(command).join("\n")).not.toMatch(/barrier=0|nobarrier/);
  });

  it("a drive that ignores flushes: turn its volatile cache off, only when it has one", () => {
    const volatile = find(
      snippets({ ...base, diskCache: "volatile", diskFlush: "ignored" }),
      "Host disk",
    );
    expect(volatile.lines.map(command)).toEqual([
      "hdparm -W0 /dev/sdX",
      "sdparm --clear=WCE /dev/sdX",
      "nvme set-feature /dev/nvme0 -f 6 --value=0",
    ]);
    expect(volatile.note).toMatch(/No mount option or cache mode helps/);
    const off = find(snippets({ ...base, diskCache: "off", diskFlush: "ignored" }), "Host disk");
    expect(off.label).toBe("Host disk write cache: off");
  });
});
