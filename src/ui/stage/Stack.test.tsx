// @vitest-environment happy-dom
/**
 * The stack's boxes, as seen: each layer marked ⚡ volatile or ▣ stable as the model's failure
 * table says (docs/model.md §4), each box's line saying what it is under this configuration, and
 * the two boxes that are controls (QEMU's cache mode, the guest filesystem's barriers).
 */
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { FailureKind, LayerId } from "../../model/timeline";
import { BOXES, type BoxId } from "../../geometry/layout";
import { DEFAULT_CONFIG, type SessionConfig } from "../../scenario/session";
import { stageFacts } from "../../store/stage";
import { Stack } from "./Stack";

afterEach(cleanup);

interface Drawn {
  readonly config?: Partial<SessionConfig>;
  readonly wipedBy?: FailureKind | null;
  readonly highlight?: LayerId | null;
}

/** Draws the stack; returns the configuration changes its controls asked for. */
function draw({ config: change = {}, wipedBy = null, highlight = null }: Drawn = {}) {
  const config = { ...DEFAULT_CONFIG, ...change };
  const asked: Partial<SessionConfig>[] = [];
  const { container } = render(
    <svg>
      <Stack
        config={config}
        facts={stageFacts(config)}
        onConfig={(c) => asked.push(c)}
        compact={false}
        wipedBy={wipedBy}
        highlight={highlight}
      />
    </svg>,
  );
  const box = (id: string) => {
    const el = container.querySelector(`[data-layer="${id}"]`);
    if (!el) throw new Error(`no box ${id}`);
    return el;
  };
  return { asked, box, text: (id: string) => box(id).textContent };
}

/** Every box, top to bottom (the layout's order). */
const ALL_BOXES = Object.keys(BOXES) as BoxId[];

describe("Stack", () => {
  it("titles every layer, in the two machines' frames", () => {
    const { text } = draw();
    expect(screen.getByText("Host")).toBeTruthy();
    expect(screen.getByText("Guest (virtual machine)")).toBeTruthy();
    expect(text("host-page-cache")).toContain("Host page cache");
    expect(text("disk-cache")).toContain("Disk write cache");
    expect(text("platters")).toContain("Platters");
  });

  it.each([
    ["volatile", ["host-page-cache", "disk-cache"], "platters"],
    ["off", ["host-page-cache"], "platters"],
    ["battery", ["host-page-cache"], "disk-cache"],
  ] as const)(
    "disk cache %s: a power cut wipes the RAM and %j, stable storage is the %s",
    (diskCache, hostVolatile, stable) => {
      const { text } = draw({ config: { diskCache } });
      // The guest filesystem's box is guest RAM too.
      const guest = ["guest-app", "guest-page-cache", "guest-block-layer", "virtual-disk"];
      const volatile = [...guest, ...hostVolatile];
      for (const id of ALL_BOXES) {
        // QEMU's box stands for requests in flight: it is not tagged.
        expect(text(id).includes("⚡ volatile"), id).toBe(volatile.includes(id));
        expect(text(id).includes("▣ stable"), id).toBe(id === stable);
      }
    },
  );

  it("says what each box is under the mode: none bypasses the host page cache", () => {
    expect(draw({ config: { mode: "none" } }).text("host-page-cache")).toContain(
      "host RAM · bypassed",
    );
    cleanup();
    const writeback = draw({ config: { mode: "writeback" } });
    expect(writeback.text("host-page-cache")).not.toContain("bypassed");
    expect(writeback.text("virtual-disk")).toContain("reports a write cache");
    cleanup();
    expect(draw({ config: { mode: "writethrough" } }).text("virtual-disk")).toContain(
      "reports no write cache",
    );
  });

  it("QEMU's box is a button that switches to the next cache mode, by click, Enter or Space", () => {
    const { asked } = draw({ config: { mode: "writeback" } });
    const qemu = screen.getByRole("button", {
      name: "QEMU cache mode: writeback. Activate to switch to none.",
    });
    expect(qemu.textContent).toContain("QEMU · cache=writeback");
    fireEvent.click(qemu);
    fireEvent.keyDown(qemu, { key: "Enter" });
    fireEvent.keyDown(qemu, { key: " " });
    fireEvent.keyDown(qemu, { key: "a" });
    expect(asked).toEqual([{ mode: "none" }, { mode: "none" }, { mode: "none" }]);
  });

  it("QEMU's box wraps around from the last mode to the first", () => {
    draw({ config: { mode: "unsafe" } });
    expect(
      screen.getByRole("button", { name: /^QEMU cache mode: unsafe\. Activate to switch to / }),
    ).toBeTruthy();
    expect(screen.getByRole("button", { name: /switch to writeback\.$/ })).toBeTruthy();
  });

  it("the guest filesystem's box is a button that turns barriers off and on", () => {
    const on = draw({ config: { guestFs: "ext3", guestBarriers: true } });
    fireEvent.click(
      screen.getByRole("button", {
        name: "Guest filesystem: ext3, barriers on. Activate to turn barriers off.",
      }),
    );
    expect(on.asked).toEqual([{ guestBarriers: false }]);
    expect(on.text("guest-block-layer")).toContain("ext3 · barriers on");
  });

  it("marks what a failure wiped: a guest crash the guest's RAM, a power cut the drive's cache too", () => {
    const wiped = (by: FailureKind) => {
      const { box } = draw({ wipedBy: by });
      const ids = ALL_BOXES.filter((id) => box(id).getAttribute("data-wiped") === "true");
      cleanup();
      return ids;
    };
    const guestRam = ["guest-app", "guest-page-cache", "guest-block-layer"];
    expect(wiped("guest")).toEqual(guestRam);
    // QEMU's box holds the requests in flight: they die with QEMU (docs/model.md §4).
    expect(wiped("qemu")).toEqual([...guestRam, "virtual-disk", "qemu"]);
    expect(wiped("power")).toEqual([
      ...guestRam,
      "virtual-disk",
      "qemu",
      "host-page-cache",
      "disk-cache",
    ]);
  });

  it("draws attention to a tour step's layer", () => {
    const { box } = draw({ highlight: "host-page-cache" });
    expect(box("host-page-cache").getAttribute("data-highlight")).toBe("true");
    expect(box("platters").getAttribute("data-highlight")).toBeNull();
  });
});
