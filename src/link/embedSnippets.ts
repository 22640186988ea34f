/**
 * What the Share dialog offers to paste into docs (docs/embedding.md): the link to this moment,
 * an iframe of the embed view (plain HTML with the host script that sizes it, and a variant for
 * MDX, which is JSX and runs no script: Docusaurus lists the host script in its config), and the
 * element with its script. Pure: made from the page's address and its scenario.
 */
import type { SessionDoc } from "../scenario/session";
import { elementAttributes, writeUrlScenario, type ScenarioLink } from "./urlWrite";

/** An iframe's height before it is sized, CSS px. */
export const DEFAULT_HEIGHT = 1200;

export interface Snippets {
  readonly link: string;
  readonly iframe: string;
  readonly mdx: string;
  readonly element: string;
}

/** The page's own address (`href`), for the scenario `doc` at `tMs`. */
export function embedSnippets(href: string, doc: SessionDoc, tMs: number): Snippets {
  const page = new URL(href);
  page.hash = "";
  // The link: the full page as it is (a tour stays open); the embeds: the scenario alone.
  const at = ({ search, hash }: ScenarioLink) => Object.assign(new URL(page), { search, hash });
  const link = at(writeUrlScenario(page.search, doc, tMs));
  const embed = at(writeUrlScenario("?embed=1", doc, tMs));
  const base = new URL("./", page).href;
  const c = doc.config;
  const title = `KVM cache modes: cache=${c.mode}, ${c.guestFs} guest with barriers ${c.guestBarriers ? "on" : "off"}`;
  // The height the stage takes in a docs column (688 px: 1 186 px), until dist/embed.js sizes
  // the frame to what it reports (src/embed/host.ts).
  const attrs = (src: string) =>
    `  src="${src}"\n  title="${title}"\n  width="100%"\n  height="${String(DEFAULT_HEIGHT)}"\n  loading="lazy"`;
  const attributes = [...elementAttributes(doc, tMs)]
    .map(([name, value]) => ` ${name}="${value.replace(/"/g, "&quot;")}"`)
    .join("");
  return {
    link: link.href,
    iframe: `<iframe\n${attrs(embed.href)}\n  style="border: 0"\n></iframe>\n<script src="${base}embed.js" async></script>`,
    mdx: `<iframe\n${attrs(embed.href)}\n  style={{ border: 0 }}\n/>`,
    // theme="page": dark and light with the docs site's own switch (docs/embedding.md, "Themes");
    // the iframe's default, auto, follows the browser's setting, all a frame can see.
    element: `<script type="module" src="${base}kvm-cache-diagram.js"></script>\n<kvm-cache-diagram${attributes} theme="page"></kvm-cache-diagram>`,
  };
}
