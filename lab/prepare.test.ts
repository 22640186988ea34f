import { describe, expect, it } from "vitest";
import { loadOrder, moduleDepends } from "./prepare";

describe("moduleDepends", () => {
  it("reads the depends= string of a module's .modinfo section", () => {
    // As in Debian's 6.1 virtio_blk.ko: NUL-separated key=value strings.
    const ko = Buffer.from(
      "\x7fELF…\0license=GPL\0depends=virtio,virtio_ring\0retpoline=Y\0",
      "latin1",
    );
    expect(moduleDepends(ko)).toEqual(["virtio", "virtio_ring"]);
    expect(moduleDepends(Buffer.from("\0depends=\0intree=Y\0"))).toEqual([]);
  });
});

describe("loadOrder", () => {
  it("loads every module after its dependencies, once", () => {
    // The dependencies of the 6.1 cloud kernel's virtio modules (modinfo -F depends).
    const deps: Record<string, string[]> = {
      virtio_pci: ["virtio_ring", "virtio_pci_modern_dev", "virtio_pci_legacy_dev", "virtio"],
      virtio_blk: ["virtio", "virtio_ring"],
      virtio_ring: [],
      virtio: [],
      virtio_pci_modern_dev: [],
      virtio_pci_legacy_dev: [],
    };
    expect(loadOrder(["virtio_pci", "virtio_blk"], (m) => deps[m] ?? [])).toEqual([
      "virtio_ring",
      "virtio_pci_modern_dev",
      "virtio_pci_legacy_dev",
      "virtio",
      "virtio_pci",
      "virtio_blk",
    ]);
  });
});
