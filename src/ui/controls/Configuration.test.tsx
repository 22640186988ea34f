// @vitest-environment happy-dom
/**
 * The article's guests, one click each: the Debian 6 preset says, where it is chosen, that its
 * virtio driver (2.6.32, no CONFIG_WCE) gets QEMU's write cache back on newer machine types
 * (docs/model.md §2; issue 18, item 2).
 */
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../scenario/session";
import { createDiagramStore } from "../../store/store";
import { providers } from "../app/testing";
import { Configuration } from "./Configuration";

afterEach(cleanup);

describe("Configuration: the article's guests", () => {
  it("the Debian 6 preset names the CONFIG_WCE caveat; the ext4 preset does not", () => {
    render(<Configuration />, { wrapper: providers(createDiagramStore(DEFAULT_CONFIG)) });
    const presets = screen.getByRole("group", { name: "The article's guests" });
    const debian6 = within(presets).getByRole("button", { name: /Debian 6 guest/ });
    expect(debian6.getAttribute("title")).toMatch(
      /CONFIG_WCE.*writethrough then behaves as writeback/,
    );
    const ext4 = within(presets).getByRole("button", { name: /ext4 guest/ });
    expect(ext4.getAttribute("title")).not.toMatch(/CONFIG_WCE/);
  });
});
