/**
 * Boots the lab's guest under QEMU with TCG (`-accel tcg`: on these machines a KVM guest hangs at
 * boot, nested virtualisation) and either records QEMU's system calls with strace or kills QEMU
 * the instant the guest reports a write returned.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import type { CacheMode } from "../src/model/config";

export interface Guest {
  readonly vmlinuz: string;
  readonly initramfs: string;
}

export interface Disk {
  readonly file: string;
  readonly format: "raw" | "qcow2";
}

/**
 * QEMU's accelerator for every boot, recorded in the results (lab-results.json `accelerator`):
 * latencies depend on it, the system calls do not.
 */
export const ACCELERATOR = "tcg";

/** The calls the lab reads: the image's opens, writes and syncs, and the serial console's bytes. */
export const TRACED_CALLS = [
  "openat",
  "close",
  "pwrite64",
  "pwritev",
  "pwritev2",
  "fdatasync",
  "fsync",
  "writev",
] as const;

/** A boot that has not powered off by then is stuck: the lab stops it and says so. */
const BOOT_TIMEOUT_MS = 180_000;

function qemuArgs(guest: Guest, mode: CacheMode, disks: readonly Disk[], append: string): string[] {
  return [
    "-accel",
    ACCELERATOR,
    "-m",
    "256",
    "-smp",
    "1",
    "-nodefaults",
    "-display",
    "none",
    "-serial",
    "stdio",
    "-no-reboot",
    "-kernel",
    guest.vmlinuz,
    "-initrd",
    guest.initramfs,
    "-append",
    `console=ttyS0 quiet panic=-1 ${append}`,
    ...disks.flatMap((d) => [
      "-drive",
      `file=${d.file},format=${d.format},if=virtio,cache=${mode}`,
    ]),
  ];
}

function waitFor(child: ChildProcess, what: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${what} did not finish in ${String(BOOT_TIMEOUT_MS / 1000)} s`));
    }, BOOT_TIMEOUT_MS);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/**
 * One boot under `strace -f -ttt`, restricted to TRACED_CALLS and written to `traceFile`;
 * the serial console also goes to `consoleFile`. Resolves once QEMU has exited.
 */
export async function tracedBoot(
  guest: Guest,
  mode: CacheMode,
  disk: Disk,
  append: string,
  traceFile: string,
  consoleFile: string,
): Promise<void> {
  const args = [
    "-f",
    "-ttt",
    "-e",
    `trace=${TRACED_CALLS.join(",")}`,
    "-e",
    "signal=none",
    "-o",
    traceFile,
    "qemu-system-x86_64",
    ...qemuArgs(guest, mode, [disk], append),
  ];
  // The console goes straight to a file: a pipe the lab read could fill and make QEMU retry.
  const console_ = openSync(consoleFile, "w");
  const child = spawn("strace", args, { stdio: ["ignore", console_, "pipe"] });
  closeSync(console_);
  let err = "";
  child.stderr?.on("data", (b: Buffer) => (err += b.toString()));
  const code = await waitFor(child, `QEMU (cache=${mode}, ${append})`);
  if (code !== 0) {
    throw new Error(`strace qemu-system-x86_64 exited with ${String(code)}: ${err.trim()}`);
  }
}

/**
 * Boots the guest's kill task and SIGKILLs QEMU as soon as the console shows `lastLine`, the
 * guest's report that its last write returned. Resolves with the console text once QEMU is dead.
 */
export async function killedBoot(
  guest: Guest,
  mode: CacheMode,
  disks: readonly Disk[],
  lastLine: string,
): Promise<string> {
  const child = spawn("qemu-system-x86_64", qemuArgs(guest, mode, disks, "lab.task=kill"), {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  // Set from the output handler: an object, so that the check after the await reads it afresh.
  const state = { killed: false };
  child.stdout.on("data", (b: Buffer) => {
    out += b.toString("latin1");
    if (!state.killed && out.split(/\r?\n/).includes(lastLine)) {
      state.killed = true;
      child.kill("SIGKILL");
    }
  });
  child.stderr.on("data", (b: Buffer) => (err += b.toString()));
  await waitFor(child, `QEMU kill run (cache=${mode})`);
  if (!state.killed) {
    throw new Error(
      `QEMU (cache=${mode}) ended before the guest reported "${lastLine}":\n${out}${err}`,
    );
  }
  return out;
}
