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

/** qm set replaces the drive's whole option string (qm(1): the drive is one property string). */
const QM_SET =
  "qm set replaces the whole drive string: repeat the drive's other options from qm config <vmid> (iothread, discard, size…), or they are dropped.";

/** Proxmox VE's names for the cache modes in its web interface. */
const PROXMOX_NAME: Readonly<Record<CacheMode, string>> = {
  writeback: "Write back",
  none: "No cache",
  writethrough: "Write through",
  directsync: "Direct sync",
  unsafe: "Write back (unsafe)",
};

const RAW_NOTE =
  "Give format= explicitly: QEMU warns when it has to probe it. Every “safe” in this diagram assumes a raw, preallocated image (e.g. qemu-img create -f raw -o preallocation=full disk.img 20G); with qcow2 (format=qcow2), the mapping of a newly allocated cluster stays in QEMU's qcow2 cache until a guest flush, so a QEMU kill or a host failure can lose acknowledged writes; with a sparse raw file, the mapping of newly allocated space waits in the host filesystem's journal until its next commit, so a host crash or power cut can (a QEMU kill cannot) — in every mode but writethrough and directsync.";

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
      "dmesg | grep -i barrier                        # kernels ≤ 2.6.36: “disabling barriers” means they are off (harmless under writethrough/directsync)",
    ],
    note:
      guestFs === "ext3"
        ? "ext3: the default depends on the kernel. Mainline 2.6.32, on which Debian 6's kernel is based, leaves barriers off, so look for barrier=1 and add it to /etc/fstab if it is missing; RHEL 6's 2.6.32 and later mainline kernels turn them on by default, and there only barrier=0 or nobarrier turns them off."
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
        "dmesg | grep -i 'disabling barriers'                # kernels ≤ 2.6.36: jbd turned them off after an error",
      ],
      note: "Delete barrier=0 or nobarrier from that filesystem's options in /etc/fstab (use your own mount point). If jbd disabled barriers after a failed barrier write, find out why before trusting the drive.",
    };
  }
  return {
    label: "Host filesystem holding the image: check that barriers are on",
    lines: [
      "grep ' /var/lib/libvirt/images ' /proc/mounts      # no barrier=0, no nobarrier",
      "dmesg | grep -i 'disabling barriers'                # kernels ≤ 2.6.36 only; later kernels never print it",
    ],
    note: "Use the mount point that holds your images. ext4 has barriers by default. /proc/mounts is the check that counts: the “disabling barriers” message went away with Linux 2.6.37's flush rework, so on a current host the grep prints nothing whatever the mount options.",
  };
}

function hostDisk(config: SessionConfig): Snippet {
  switch (config.diskCache) {
    case "volatile":
      if (config.diskFlush === "ignored") {
        return {
          label: "Host disk: it ignores flushes, so turn its write cache off",
          lines: CACHE_OFF,
          note: "No mount option or cache mode helps a drive that reports flushes done without doing them: turn its volatile cache off (hdparm -W0 is often not persistent across power cycles: reapply it at boot), or use a drive or controller with a power-loss-protected cache.",
        };
      }
      return {
        label: "Host disk write cache (volatile: on)",
        lines: [
          "hdparm -W /dev/sdX                             # SATA: write-caching = 1 (on)",
          "sdparm --get=WCE /dev/sdX                      # SAS: WCE 1 (on)",
          "nvme get-feature /dev/nvme0 -f 6 -H            # NVMe: volatile write cache enabled",
          "cat /sys/block/sdX/queue/write_cache           # write back (Linux ≥ 4.7: what the kernel believes)",
        ],
        note: "To turn it off: hdparm -W0 /dev/sdX (SATA; often not persistent across power cycles), sdparm --clear=WCE /dev/sdX (SAS), nvme set-feature /dev/nvme0 -f 6 --value=0 (NVMe, where the drive allows it). Writing to queue/write_cache changes only the kernel's view, not the drive. An SSD or NVMe drive with power-loss protection counts as battery-backed here.",
      };
    case "off":
      return {
        label: "Host disk write cache: off",
        lines: CACHE_OFF,
        note: "hdparm -W0 is often not persistent across power cycles: reapply it at boot (e.g. /etc/hdparm.conf or a udev rule). sdparm --save and nvme set-feature --save make the SAS and NVMe settings persistent where the drive supports it.",
      };
    case "battery":
      return {
        label: "Host disk write cache: protected",
        lines: ["a battery-backed or power-loss-protected controller cache"],
        note: "Configured with the controller's own tool. Check that the drives behind it keep no volatile write cache of their own.",
      };
  }
}

/**
 * Turning a drive's volatile write cache off, for the drives hosts use today (docs/model.md §7):
 * hdparm(8) for SATA, sdparm(8)'s WCE field for SAS/SCSI, nvme-set-feature(1) with feature 0x06
 * (Volatile Write Cache) for NVMe; `--value=` because the short option changed (-v in nvme-cli 1.x and early 2.x, -V later).
 */
const CACHE_OFF: readonly string[] = [
  "hdparm -W0 /dev/sdX                            # SATA",
  "sdparm --clear=WCE /dev/sdX                    # SAS",
  "nvme set-feature /dev/nvme0 -f 6 --value=0     # NVMe",
];

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
          ? `The web interface calls none “No cache”, and uses it when no cache is set. It is not “no cache”: the drive's own write cache still holds acknowledged data. ${QM_SET}`
          : `The web interface calls it “${PROXMOX_NAME[mode]}”. ${QM_SET}`,
    },
    guestFilesystem(config),
    virtualDisk(config),
    hostFilesystem(config),
    hostDisk(config),
  ];
}
