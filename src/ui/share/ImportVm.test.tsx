// @vitest-environment happy-dom
/**
 * Import VM configuration as a user meets it: text over the size limit is refused as it is
 * pasted, before Apply; a configuration with many disks offers a filter and a capped list
 * instead of a radio per disk, and Apply sets the disk chosen there. Through the real readers.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { MAX_VM_CONFIG_CHARS } from "../../import/size";
import { DEFAULT_CONFIG } from "../../scenario/session";
import { createDiagramStore } from "../../store/store";
import { providers } from "../app/testing";
import { MAX_LISTED, MAX_RADIOS } from "./DiskPicker";
import ImportVm from "./ImportVm";

afterEach(cleanup);

function setup() {
  const store = createDiagramStore(DEFAULT_CONFIG);
  render(<ImportVm />, { wrapper: providers(store) });
  const field = screen.getByRole("textbox", { name: "VM configuration", hidden: true });
  const paste = (text: string) => {
    fireEvent.change(field, { target: { value: text } });
  };
  return { store, paste };
}

const hidden = { hidden: true } as const;

/** A QEMU command line with `n` drives; every seventh uses cache=unsafe, the rest cache=none. */
function qemu(n: number): string {
  const drives = Array.from(
    { length: n },
    (_, i) =>
      `-drive file=/srv/d${String(i)}.img,if=virtio,cache=${i % 7 === 6 ? "unsafe" : "none"}`,
  );
  return `qemu-system-x86_64 -m 1024 ${drives.join(" ")}`;
}

describe("Import VM configuration", () => {
  it("refuses text over the size limit as it is pasted, before Apply", () => {
    const { paste } = setup();
    paste("x".repeat(MAX_VM_CONFIG_CHARS));
    expect(screen.queryByRole("alert", hidden)).toBeNull();
    paste("x".repeat(MAX_VM_CONFIG_CHARS + 1));
    expect(screen.getByRole("alert", hidden).textContent).toBe(
      "The configuration is 1.1 million characters long; the limit is 1 million.",
    );
  });

  it("lists a few disks as radios", async () => {
    const { paste } = setup();
    paste(qemu(MAX_RADIOS));
    fireEvent.click(screen.getByRole("button", { name: "Apply", ...hidden }));
    await waitFor(() => {
      expect(screen.getAllByRole("radio", hidden)).toHaveLength(MAX_RADIOS);
    });
  });

  it("offers many disks through a filter and a capped list, and applies the one chosen", async () => {
    const { store, paste } = setup();
    paste(qemu(1_000));
    fireEvent.click(screen.getByRole("button", { name: "Apply", ...hidden }));
    const list = await screen.findByRole("combobox", { name: "Disk", ...hidden });
    expect(screen.queryAllByRole("radio", hidden)).toEqual([]);
    expect(within(list).getAllByRole("option", hidden)).toHaveLength(MAX_LISTED);
    expect(screen.getByText(/^Listing the first 100 of 1000 matching disks/)).toBeTruthy();
    fireEvent.change(screen.getByRole("searchbox", { name: "Filter disks", ...hidden }), {
      target: { value: "/srv/d993.img" },
    });
    expect(
      within(list)
        .getAllByRole("option", hidden)
        .map((o) => o.textContent),
    ).toEqual([expect.stringMatching(/cache=unsafe \(\/srv\/d993\.img\)$/)]);
    fireEvent.click(screen.getByRole("button", { name: "Apply", ...hidden }));
    await waitFor(() => {
      expect(store.getState().config.mode).toBe("unsafe");
    });
  });
});
