/**
 * How to set the current configuration, tool by tool (docs/model.md §7): the commands and the
 * notes that go with them, for the panel "How to set this configuration"
 * (src/ui/panels/Snippets.tsx, loaded when the reader opens it).
 */
import { MODE_SWITCHES, type CacheMode } from "../model/config";
import type { SessionConfig } from "../scenario/session";

export interface Snippet {
  /** Where it goes: "QEMU", "libvirt domain XML, inside <disk>", "Guest filesystem", … */
  readonly label: string;
  /** Lines to type or paste, each possibly ending in a short `# comment`. */
  readonly lines: readonly string[];
  /** What the reader must know to use them correctly; null when nothing. */
  readonly note: string | null;
}

/** Proxmox VE's names for the cache modes in its web interface. */
const PROXMOX_NAME: Readonly<Record<CacheMode, string>> = {
  writeback: "Write back",
  none: "No cache",
  writethrough: "Write through",
  directsync: "Direct sync",
  unsafe: "Write back (unsafe)",
};

const RAW_NOTE =
  "Give format= explicitly: QEMU warns when it has to probe it. Every “safe” in this diagram assumes a raw, preallocated image (e.g. qemu-img create -f raw -o preallocation=full disk.img 20G); with qcow2 (format=qcow2) or a sparse file, the metadata of newly allocated space stays in QEMU's qcow2 cache until a guest flush, or in the host filesystem's journal until its next commit, so a QEMU kill or a host failure can lose acknowledged writes in every mode but writethrough and directsync.";

function guestFilesystem(config: SessionConfig): Snippet {
  const { guestBarriers, guestFs } = config;
  if (!guestBarriers) {
    return guestFs === "ext3"
      ? {
          label: "Guest filesystem: turn barriers on",
          lines: [
            "/dev/vda1  /  ext3  defaults,barrier=1  0 1    # /etc/fstab",
            "mount -o remount,barrier=1 /                   # now, without a reboot",
          ],
          note: "ext3 as Debian 6 shipped it has no barriers unless mounted barrier=1. Use your own device or UUID= in /etc/fstab (an IDE disk is sda, not vda).",
        }
      : {
          label: "Guest filesystem: turn barriers back on",
          lines: [
            "/dev/vda1  /  ext4  defaults  0 1              # /etc/fstab",
            "mount -o remount,barrier=1 /                   # now, without a reboot",
          ],
          note: "ext4 has barriers by default: delete barrier=0 or nobarrier from the root's options in /etc/fstab. Use your own device or UUID=.",
        };
  }
  return {
    label: "Guest filesystem: check that barriers are on",
    lines: [
      "grep ' / ' /proc/mounts",
      "dmesg | grep -i barrier                        # “disabling barriers”: they are off (harmless under writethrough/directsync)",
    ],
    note:
      guestFs === "ext3"
        ? "ext3: barrier=1 must be listed; on the article's 2.6.32 kernels ext3's default is off, so add barrier=1 to /etc/fstab if it is missing."
        : "ext4: barriers are on unless barrier=0 or nobarrier is listed.",
  };
}

function virtualDisk(config: SessionConfig): Snippet {
  const seen = MODE_SWITCHES[config.mode].guestSeesWriteCache;
  return {
    label: "In the guest, what the virtual disk reports",
    lines: [
      `cat /sys/block/vda/queue/write_cache          # ${seen ? "write back" : "write through"} (Linux ≥ 4.7)`,
      `hdparm -W /dev/sda                             # IDE disk: write-caching = ${seen ? "1 (on)" : "0 (off)"}`,
      `dmesg | grep -i 'write cache'                 # IDE disk: Write cache: ${seen ? "enabled" : "disabled"}`,
    ],
    note: "queue/write_cache exists only on Linux 4.7 and later; the article's guests run 2.6.32, where an IDE disk (sda) answers hdparm -W and prints its write cache at boot, and a virtio disk (vda) shows its write cache neither in sysfs nor in the boot log.",
  };
}

/** The host filesystem that holds the image: it must pass flushes to the drive (§4). */
function hostFilesystem(config: SessionConfig): Snippet {
  if (!config.hostBarriers) {
    return {
      label: "Host filesystem holding the image: turn barriers back on",
      lines: [
        "mount -o remount,barrier=1 /var/lib/libvirt/images   # ext4, now",
        "dmesg | grep -i 'disabling barriers'                # jbd turned them off after an error",
      ],
      note: "Delete barrier=0 or nobarrier from that filesystem's options in /etc/fstab (use your own mount point). If jbd disabled barriers after a failed barrier write, find out why before trusting the drive.",
    };
  }
  return {
    label: "Host filesystem holding the image: check that barriers are on",
    lines: [
      "grep ' /var/lib/libvirt/images ' /proc/mounts      # no barrier=0, no nobarrier",
      "dmesg | grep -i 'disabling barriers'                # nothing: they are on",
    ],
    note: "Use the mount point that holds your images. ext4 has barriers by default.",
  };
}

function hostDisk(config: SessionConfig): Snippet {
  switch (config.diskCache) {
    case "volatile":
      if (config.diskFlush === "ignored") {
        return {
          label: "Host disk: it ignores flushes, so turn its write cache off",
          lines: [
            "hdparm -W0 /dev/sdX                            # ATA",
            "sdparm --clear WCE /dev/sdX                    # SAS",
          ],
          note: "No mount option or cache mode helps a drive that reports flushes done without doing them: turn its volatile cache off (hdparm -W0 is often not persistent across power cycles: reapply it at boot), or use a drive or controller with a power-loss-protected cache.",
        };
      }
      return {
        label: "Host disk write cache (volatile: on)",
        lines: ["hdparm -W /dev/sdX                             # write-caching = 1 (on)"],
        note: "To turn it off: hdparm -W0 /dev/sdX (ATA; often not persistent across power cycles) or sdparm --clear WCE /dev/sdX (SAS).",
      };
    case "off":
      return {
        label: "Host disk write cache: off",
        lines: [
          "hdparm -W0 /dev/sdX                            # ATA",
          "sdparm --clear WCE /dev/sdX                    # SAS",
        ],
        note: "hdparm -W0 is often not persistent across power cycles: reapply it at boot (e.g. /etc/hdparm.conf or a udev rule). sdparm --save makes the SAS setting persistent.",
      };
    case "battery":
      return {
        label: "Host disk write cache: protected",
        lines: ["a battery-backed or power-loss-protected controller cache"],
        note: "Configured with the controller's own tool. Check that the drives behind it keep no volatile write cache of their own.",
      };
  }
}

/** How to set this configuration, tool by tool (docs/model.md §7). */
export function snippets(config: SessionConfig): Snippet[] {
  const { mode } = config;
  return [
    {
      label: "QEMU",
      lines: [
        `-drive file=disk.img,format=raw,if=virtio,cache=${mode}`,
        `-drive file=disk.qcow2,format=qcow2,if=virtio,cache=${mode}`,
      ],
      note: RAW_NOTE,
    },
    {
      label: "libvirt domain XML, inside <disk>",
      lines: [`<driver name='qemu' type='raw' cache='${mode}'/>`],
      note: null,
    },
    {
      label: "virt-install",
      lines: [`--disk path=/var/lib/libvirt/images/guest.img,format=raw,cache=${mode}`],
      note: null,
    },
    {
      label: "Proxmox VE",
      lines: [`qm set <vmid> --virtio0 <storage>:<volume>,cache=${mode}`],
      note:
        mode === "none"
          ? "The web interface calls none “No cache”, and uses it when no cache is set. It is not “no cache”: the drive's own write cache still holds acknowledged data."
          : `The web interface calls it “${PROXMOX_NAME[mode]}”.`,
    },
    guestFilesystem(config),
    virtualDisk(config),
    hostFilesystem(config),
    hostDisk(config),
  ];
}
