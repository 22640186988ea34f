/**
 * QEMU command line: https://www.qemu.org/docs/master/system/invocation.html (-drive, -blockdev,
 * -device) and qemu-options.hx. Reads the options that define disks, pairs each -device with the
 * -drive or -blockdev node it names, and reads the disks in command-line order.
 */
import { readable } from "../scenario/readable";
import { Findings } from "./findings";
import { isRecord, keyval, nest, stringProp, type Props } from "./keyval";
import { blockdevDisk } from "./qemuBlockdev";
import { deviceName, type QemuDevice } from "./qemuDevice";
import { driveDisk, type QemuDrive } from "./qemuDrive";
import { shellWords } from "./shell";

/** Options that take a value and are read. `--drive` is accepted as `-drive`, as by QEMU. */
const VALUE_OPTIONS = new Set([
  "-drive",
  "-blockdev",
  "-device",
  "-hda",
  "-hdb",
  "-hdc",
  "-hdd",
  "-fda",
  "-fdb",
  "-cdrom",
]);

interface QemuLine {
  readonly drives: QemuDrive[];
  /** -blockdev nodes by node-name. */
  readonly nodes: Map<string, Props>;
  readonly devices: QemuDevice[];
  /** `-snapshot`: every -drive writes to a temporary overlay. */
  snapshot: boolean;
}

/** A word only a QEMU command line has: the program's name, or an option this page reads. */
export function isQemuWord(word: string): boolean {
  const base = word.slice(word.lastIndexOf("/") + 1);
  const option = optionName(word);
  return (
    VALUE_OPTIONS.has(option) ||
    option === "-snapshot" ||
    base.startsWith("qemu-system-") ||
    base === "qemu-kvm" ||
    base === "kvm"
  );
}

function optionName(word: string): string {
  return word.startsWith("--") ? word.slice(1) : word;
}

export function readQemu(text: string): Findings {
  const found = new Findings();
  const line = qemuLine(shellWords(text), found);
  const drivesById = new Map<string, QemuDrive>();
  for (const drive of line.drives) {
    const id = drive.opts.get("id");
    if (id !== undefined) drivesById.set(id, drive);
  }
  const attached = new Map<QemuDrive, QemuDevice>();
  const disks: { readonly position: number; readonly read: () => void }[] = [];
  for (const device of line.devices) {
    const ref = stringProp(device.props, "drive");
    if (ref === undefined) continue;
    const drive = drivesById.get(ref);
    const node = line.nodes.get(ref);
    if (drive !== undefined) {
      attached.set(drive, device);
    } else if (node !== undefined) {
      disks.push({
        position: device.position,
        read: () => {
          blockdevDisk(device, ref, node, line.nodes, found);
        },
      });
    } else {
      found.skip(
        `${readable(deviceName(device, ref))} uses drive=${readable(ref)}, which no -drive or -blockdev here defines.`,
      );
    }
  }
  for (const drive of line.drives) {
    disks.push({
      position: drive.position,
      read: () => {
        driveDisk(drive, attached.get(drive), line.snapshot, found);
      },
    });
  }
  disks.sort((a, b) => a.position - b.position);
  for (const disk of disks) disk.read();
  return found;
}

function qemuLine(words: readonly string[], found: Findings): QemuLine {
  const line: QemuLine = { drives: [], nodes: new Map(), devices: [], snapshot: false };
  for (let i = 0; i < words.length; i++) {
    const option = optionName(words[i] ?? "");
    if (option === "-snapshot") line.snapshot = true;
    if (!VALUE_OPTIONS.has(option)) continue;
    const value = words[i + 1];
    if (value === undefined) {
      found.skip(`${option} at the end has no value.`);
      break;
    }
    i += 1;
    readOption(option, value, i, line, found);
  }
  return line;
}

function readOption(
  option: string,
  value: string,
  position: number,
  line: QemuLine,
  found: Findings,
): void {
  const ordinal = line.drives.length + 1;
  if (option === "-drive") {
    line.drives.push({ position, ordinal, label: null, opts: keyval(value, null) });
  } else if (option === "-blockdev" || option === "-device") {
    const props = optionProps(option, value);
    if (typeof props === "string") found.skip(props);
    else if (option === "-device") line.devices.push({ position, props });
    else {
      const nodeName = stringProp(props, "node-name");
      if (nodeName !== undefined) line.nodes.set(nodeName, props);
    }
  } else {
    // -hda, -fda, -cdrom: shorthands for a -drive on the IDE bus, the floppy, or a CD-ROM.
    const label = option.slice(1);
    const opts = new Map<string, string>([["file", value]]);
    if (label === "cdrom") opts.set("media", "cdrom");
    else opts.set("if", label.startsWith("fd") ? "floppy" : "ide");
    line.drives.push({ position, ordinal, label, opts });
  }
}

/** -blockdev and -device take JSON or keyval; -device's first bare word is its driver. */
function optionProps(option: string, value: string): Props | string {
  if (!value.startsWith("{")) return nest(keyval(value, option === "-device" ? "driver" : null));
  const parsed = parseJson(value);
  return isRecord(parsed) ? parsed : `${option} ${readable(value)} is not valid JSON; not read.`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
