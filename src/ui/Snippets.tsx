/**
 * How to set the current configuration, tool by tool (docs/model.md §7). Not part of the first view:
 * loaded when the reader opens "How to set this mode".
 */
import { MODE_SWITCHES } from "../model/config";
import type { SessionConfig } from "../store/session";
import { useDiagram } from "./useDiagram";

/** How to set this configuration, tool by tool (docs/model.md §7). */
function snippets(config: SessionConfig): [string, string][] {
  const { mode, guestBarriers, diskCache } = config;
  const writeCache = MODE_SWITCHES[mode].guestSeesWriteCache ? "write back" : "write through";
  return [
    ["QEMU", `-drive file=disk.qcow2,if=virtio,cache=${mode}`],
    ["libvirt domain XML, inside <disk>", `<driver name='qemu' type='qcow2' cache='${mode}'/>`],
    ["virt-install", `--disk path=/var/lib/libvirt/images/guest.qcow2,cache=${mode}`],
    ["Proxmox VE", `qm set <vmid> --virtio0 <storage>:<volume>,cache=${mode}`],
    [
      "Guest filesystem",
      guestBarriers
        ? "ext4: barriers are on by default; ext3: mount -o barrier=1 (or in /etc/fstab)"
        : "ext3 without barrier=1 (Debian 6's default); ext4: mount -o barrier=0 (nobarrier)",
    ],
    [
      "In the guest, what the virtual disk reports",
      `cat /sys/block/vda/queue/write_cache   # ${writeCache}`,
    ],
    [
      "Host disk write cache",
      diskCache === "off"
        ? "hdparm -W0 /dev/sdX"
        : diskCache === "volatile"
          ? "hdparm -W1 /dev/sdX"
          : "a battery-backed or power-loss-protected controller cache",
    ],
  ];
}

export default function Snippets() {
  const config = useDiagram((s) => s.config);
  return (
    <dl className="snippets">
      {snippets(config).map(([where, code]) => (
        <div key={where}>
          <dt>{where}</dt>
          <dd>
            <code>{code}</code>
          </dd>
        </div>
      ))}
    </dl>
  );
}
