/** A second language is a second table of the same shape: the compiler checks it entry by entry. */
import { describe, expect, it } from "vitest";
import { TOOLBAR } from "./controls";
import { PAGE } from "./page";
import { FAILURE, type Shape } from "./vocabulary";

describe("a table's shape", () => {
  it("takes another language's words, entry for entry, builders included", () => {
    const page: Shape<typeof PAGE> = { ...PAGE, title: "Modes de cache KVM" };
    const toolbar: Shape<typeof TOOLBAR> = {
      ...TOOLBAR,
      burst: (n) => `Rafale : ${String(n)} écritures O_SYNC`,
    };
    const failure: Shape<typeof FAILURE> = {
      ...FAILURE,
      power: { ...FAILURE.power, name: "Coupure de courant" },
    };
    expect(page.title).toBe("Modes de cache KVM");
    expect(toolbar.burst(10)).toBe("Rafale : 10 écritures O_SYNC");
    expect(failure.power.name).toBe("Coupure de courant");
    // The English tables are untouched.
    expect(PAGE.title).toBe("KVM cache modes");
  });
});
