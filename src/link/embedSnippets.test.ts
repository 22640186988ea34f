import ts from "typescript";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../scenario/session";
import { embedSnippets } from "./embedSnippets";

const DOC = {
  config: {
    ...DEFAULT_CONFIG,
    mode: "none" as const,
    guestBarriers: false,
    guestFs: "ext3" as const,
  },
  ops: [
    { atMs: 0, kind: "osync" as const },
    { atMs: 12.5, kind: "normal" as const },
  ],
  crash: { atMs: 40, kind: "power" as const },
};
const HREF = "https://docs.example.org/kvm/?mode=writeback&tour=article&step=2#x";

describe("embedSnippets", () => {
  const s = embedSnippets(HREF, DOC, 20);

  it("links to this scenario at this moment, keeping the page's other parameters", () => {
    const link = new URL(s.link);
    expect(link.origin + link.pathname).toBe("https://docs.example.org/kvm/");
    expect(link.searchParams.get("mode")).toBe("none");
    expect(link.searchParams.get("crash")).toBe("power@40");
    expect(link.searchParams.get("t")).toBe("20");
    // The writes in the fragment (no server reads it), in place of the page's own fragment.
    expect(link.hash).toBe("#writes=sn12.5");
  });

  it("frames the embed view with the same scenario, and no tour", () => {
    const src = /src="([^"]+)"/.exec(s.iframe)?.[1] ?? "";
    const url = new URL(src);
    expect(url.searchParams.get("embed")).toBe("1");
    expect(url.hash).toBe("#writes=sn12.5");
    expect(url.searchParams.has("tour")).toBe(false);
    expect(s.iframe).toContain('title="KVM cache modes: cache=none, ext3 guest with barriers off"');
  });

  it("gives the iframe no border, the height of a docs column's stage, and the script that sizes it", () => {
    expect(s.iframe).toContain('style="border: 0"');
    expect(s.iframe).toContain('height="1200"');
    expect(s.iframe).toContain(
      '<script src="https://docs.example.org/kvm/embed.js" async></script>',
    );
    expect(s.mdx).toContain('height="1200"');
  });

  it("gives MDX a variant that parses as JSX", () => {
    const source = ts.createSourceFile(
      "x.tsx",
      `const x = (${s.mdx});`,
      ts.ScriptTarget.Latest,
      true,
      ts.ScriptKind.TSX,
    );
    expect((source as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics).toEqual([]);
    expect(s.mdx).toContain("style={{ border: 0 }}");
  });

  it("writes the element with the script beside the page, the scenario as attributes, and the site's theme", () => {
    expect(s.element).toContain(
      '<script type="module" src="https://docs.example.org/kvm/kvm-cache-diagram.js"></script>',
    );
    expect(s.element).toContain(
      '<kvm-cache-diagram mode="none" barriers="off" fs="ext3" disk="volatile" ops="osync@0,normal@12.5" crash="power@40" t="20" theme="page"></kvm-cache-diagram>',
    );
  });
});
