/**
 * Everything the lab needs before its first boot, all under lab/out/: the Debian packages (installed
 * with apt-get when missing and running as root, like scripts/ensure-chromium.mjs does for
 * Chromium), a Debian cloud kernel unpacked from its package (not installed), and an initramfs
 * holding busybox-static, the virtio modules in dependency order and the static guest program.
 */
import { execFileSync, spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";

/** Debian packages, each with a file that shows it is installed. */
const PACKAGES = [
  { name: "qemu-system-x86", file: "/usr/bin/qemu-system-x86_64" },
  { name: "qemu-utils", file: "/usr/bin/qemu-img" },
  { name: "busybox-static", file: "/bin/busybox", static: true },
  { name: "strace", file: "/usr/bin/strace" },
  { name: "e2fsprogs", file: "/usr/sbin/mkfs.ext4" },
  { name: "gcc", file: "/usr/bin/gcc" },
  { name: "libc6-dev", file: "/usr/lib/x86_64-linux-gnu/libc.a" },
] as const;

/** The kernel's virtio drivers the guest loads; their dependencies are read from the modules. */
const GUEST_MODULES = ["virtio_pci", "virtio_blk"];

function run(cmd: string, args: readonly string[], cwd?: string): string {
  return execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** True when the package is installed: dpkg says so (busybox-static, whose binary the
 * dynamically linked busybox package shares) or its file exists. */
function installed(pkg: (typeof PACKAGES)[number]): boolean {
  if ("static" in pkg) {
    const r = spawnSync("dpkg-query", ["-W", "-f=${Status}", pkg.name], { encoding: "utf8" });
    return r.status === 0 && r.stdout.includes("install ok installed");
  }
  return existsSync(pkg.file);
}

export function ensurePackages(log: (line: string) => void): void {
  const missing = PACKAGES.filter((p) => !installed(p)).map((p) => p.name);
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(" ")}`;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `the lab needs Debian packages: ${missing.join(", ")}. Install them with:\n  sudo sh -c '${command}'`,
    );
  }
  log(`installing ${missing.join(", ")} with apt-get`);
  execFileSync("sh", ["-c", command], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
}

export interface Kernel {
  /** The Debian package, e.g. linux-image-6.1.0-57-cloud-amd64. */
  readonly package: string;
  /** Its version in the archive, e.g. 6.1.192-3. */
  readonly version: string;
  readonly vmlinuz: string;
  /** The unpacked lib/modules/<release>/ folder. */
  readonly modules: string;
}

/**
 * The kernel `linux-image-cloud-amd64` depends on, fetched with `apt-get download` and unpacked
 * with `dpkg-deb -x` into `dir` (kept there for the next run).
 */
export function ensureKernel(dir: string, log: (line: string) => void): Kernel {
  const kernelOf = (): string | undefined => {
    const r = spawnSync("apt-cache", ["depends", "linux-image-cloud-amd64"], { encoding: "utf8" });
    return /Depends: (linux-image-\S+)/.exec(r.stdout)?.[1];
  };
  let pkg = kernelOf();
  if (!pkg && process.getuid?.() === 0) {
    // A fresh machine may have no package lists yet.
    log("apt-get update (no package list names linux-image-cloud-amd64 yet)");
    run("apt-get", ["update"]);
    pkg = kernelOf();
  }
  if (!pkg) {
    throw new Error(
      "apt-cache depends linux-image-cloud-amd64 names no kernel: run `sudo apt-get update` first",
    );
  }
  mkdirSync(dir, { recursive: true });
  const debOf = (): string | undefined =>
    readdirSync(dir).find((f) => f.startsWith(`${pkg}_`) && f.endsWith(".deb"));
  if (!debOf()) {
    log(`fetching ${pkg} (apt-get download)`);
    run("apt-get", ["download", pkg], dir);
  }
  const deb = debOf();
  if (!deb) throw new Error(`apt-get download ${pkg} left no .deb in ${dir}`);
  const root = join(dir, pkg);
  if (!existsSync(join(root, "boot"))) run("dpkg-deb", ["-x", join(dir, deb), root]);
  const vmlinuz = readdirSync(join(root, "boot")).find((f) => f.startsWith("vmlinuz-"));
  const release = readdirSync(join(root, "lib/modules"))[0];
  if (!vmlinuz || !release) throw new Error(`${deb} holds no vmlinuz or no modules`);
  return {
    package: pkg,
    version: deb.split("_")[1] ?? "",
    vmlinuz: join(root, "boot", vmlinuz),
    modules: join(root, "lib/modules", release),
  };
}

/** Every file under `dir`, and with `dirs` every folder too (each before what it holds). */
function walk(dir: string, dirs = false): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (!e.isDirectory()) return [path];
    return dirs ? [path, ...walk(path, true)] : walk(path);
  });
}

/** A module's `depends=` field, as modinfo would print it (the .modinfo section's strings). */
export function moduleDepends(ko: Buffer): string[] {
  const m = /\0depends=([^\0]*)\0/.exec(ko.toString("latin1"));
  return m?.[1] ? m[1].split(",").filter(Boolean) : [];
}

/** `wanted` and everything they depend on, each after its dependencies. */
export function loadOrder(
  wanted: readonly string[],
  dependsOf: (module: string) => readonly string[],
): string[] {
  const order: string[] = [];
  const visit = (name: string): void => {
    if (order.includes(name)) return;
    dependsOf(name).forEach(visit);
    order.push(name);
  };
  wanted.forEach(visit);
  return order;
}

/**
 * The .ko files for `wanted` and their dependencies in load order, read from each module's own
 * `depends=` (the unpacked package has no modules.dep: depmod runs only on install).
 */
function modulesInLoadOrder(modulesDir: string, wanted: readonly string[]): string[] {
  const files = new Map(
    walk(join(modulesDir, "kernel"))
      .filter((f) => f.endsWith(".ko"))
      .map((f) => [f.slice(f.lastIndexOf("/") + 1, -3).replace(/-/g, "_"), f]),
  );
  const fileOf = (name: string): string => {
    const file = files.get(name);
    if (!file) throw new Error(`module ${name} is not in ${modulesDir}`);
    return file;
  };
  return loadOrder(wanted, (name) => moduleDepends(readFileSync(fileOf(name)))).map(fileOf);
}

/** An initramfs (newc cpio, gzip) built by `busybox cpio` from the files of `root`. */
function packInitramfs(root: string, out: string): void {
  // Folders come before their files: the kernel's unpacker creates each entry in list order.
  const list = [".", ...walk(root, true).map((f) => relative(root, f))].join("\n");
  const cpio = spawnSync("busybox", ["cpio", "-o", "-H", "newc"], {
    cwd: root,
    input: `${list}\n`,
    maxBuffer: 1 << 28,
  });
  if (cpio.status !== 0) throw new Error(`busybox cpio failed: ${cpio.stderr.toString()}`);
  writeFileSync(out, gzipSync(cpio.stdout));
}

/**
 * Compiles lab/guest/labguest.c statically and packs it with busybox and the modules. /init
 * mounts the pseudo filesystems, loads the modules and hands over to the guest program.
 */
export function buildInitramfs(outDir: string, kernel: Kernel, guestSource: string): string {
  const root = join(outDir, "initramfs");
  rmSync(root, { recursive: true, force: true });
  for (const d of ["bin", "modules", "proc", "sys", "dev", "mnt"]) {
    mkdirSync(join(root, d), { recursive: true });
  }
  copyFileSync("/bin/busybox", join(root, "bin/busybox"));
  run("gcc", [
    "-static",
    "-O2",
    "-Wall",
    "-Wextra",
    "-Werror",
    "-o",
    join(root, "labguest"),
    guestSource,
  ]);
  const modules = modulesInLoadOrder(kernel.modules, GUEST_MODULES);
  const names = modules.map((f) => f.slice(f.lastIndexOf("/") + 1));
  modules.forEach((f, i) => {
    copyFileSync(f, join(root, "modules", names[i] ?? ""));
  });
  const init = [
    "#!/bin/busybox sh",
    "/bin/busybox mount -t proc proc /proc",
    "/bin/busybox mount -t sysfs sys /sys",
    "/bin/busybox mount -t devtmpfs dev /dev",
    ...names.map((n) => `/bin/busybox insmod /modules/${n}`),
    "exec /labguest",
    "",
  ].join("\n");
  writeFileSync(join(root, "init"), init, { mode: 0o755 });
  const out = join(outDir, "initramfs.cpio.gz");
  packInitramfs(root, out);
  return out;
}

/** The first line of `qemu-system-x86_64 --version`, e.g. "7.2.22 (Debian 1:7.2+dfsg-7+deb12u18+b3)". */
export function qemuVersion(): string {
  const first = run("qemu-system-x86_64", ["--version"]).split("\n")[0] ?? "";
  return first.replace(/^QEMU emulator version /, "");
}
