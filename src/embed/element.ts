/**
 * `<kvm-cache-diagram>` (docs/embedding.md): the diagram as one element, built as its own file
 * (dist/kvm-cache-diagram.js, vite.element.config.ts) with everything inlined. Attributes mirror
 * the URL parameters; a child `<script type="application/json">` may carry a whole scenario, of
 * at most as many writes as the page keeps (src/scenario/limit.ts: a larger one is refused with
 * the page's message before anything simulates, on what is the host page's own thread). Its
 * styles live in an open shadow root; each element mounts its own store, so several on a page
 * stay independent; what happens in it is fired as DOM events named like the embed's messages.
 */
import css from "../ui/app.css?inline";
import { CONFIG_FIELDS, CONFIG_KEYS } from "../model/config";
import { parseScenario } from "../scenario/schema";
import { tooManyWrites } from "../scenario/limit";
import { elementNotice } from "../text/scenario";
import { fromScenarioDoc } from "../scenario/session";
import { mountDiagram, type MountedDiagram } from "../ui/mount";
import { PHONE_REM, type LayoutWidth } from "../ui/app/usePhone";
import { FULL_PAGE, readTheme } from "../link/view";
import { applyTheme, stopTheme } from "../ui/theme";
import { readUrlScenario } from "../link/url";
import { containerQueries } from "./containerQueries";
import { watchDiagram } from "./events";
import { NAMESPACE } from "./protocol";

/**
 * The attributes that mirror URL parameters (README, "Link to any moment"): each configuration
 * field's parameter from the configuration table, then the writes, the failure and the time.
 */
export const ATTRIBUTES: readonly string[] = [
  ...CONFIG_KEYS.map((key) => CONFIG_FIELDS[key].param),
  "ops",
  "crash",
  "t",
];

/**
 * One sheet for every element on the page (constructable, so no inline <style> per element): the
 * page's, laid out by the element's own width instead of the window's (./containerQueries.ts).
 */
let sheet: CSSStyleSheet | null = null;
function styles(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(containerQueries(css));
  }
  return sheet;
}

/** `theme="page"`: the element's own theme (not a link's), the host page's colour scheme. */
const followsPage = (theme: string | null) => theme?.trim().toLowerCase() === "page";

/** The element's own box as the layout's width (the drawing asks what its styles ask). */
function boxWidth(box: Element): LayoutWidth {
  // rem in a container query is the document's root font size.
  const rem = () => parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  return {
    phone: () => box.clientWidth <= PHONE_REM * rem(),
    subscribe: (notify) => {
      const observer = new ResizeObserver(notify);
      observer.observe(box);
      return () => {
        observer.disconnect();
      };
    },
  };
}

export class KvmCacheDiagram extends HTMLElement {
  /** A change of any of these after the element is shown shows the new scenario (a remount). */
  static readonly observedAttributes: readonly string[] = [
    ...ATTRIBUTES,
    "ledger",
    "play",
    "theme",
  ];

  private mounted: (MountedDiagram & { unwatch: () => void; root: HTMLElement }) | null = null;

  attributeChangedCallback(name: string, before: string | null, after: string | null): void {
    if (!this.mounted || before === after) return;
    // A site's dark-mode switch sets it (docs/embedding.md): recoloured in place, nothing lost.
    if (name === "theme") {
      this.applyTheme(this.mounted.root);
      return;
    }
    this.disconnectedCallback();
    this.connectedCallback();
  }

  connectedCallback(): void {
    if (this.mounted) return;
    const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    root.adoptedStyleSheets = [styles()];
    const container = document.createElement("div");
    container.className = "element-root";
    root.replaceChildren(container);

    this.applyTheme(container);

    const params = new URLSearchParams();
    // The theme is read above; here only so that a bad one is named like a bad link's.
    for (const name of [...ATTRIBUTES, "theme"]) {
      const value = this.getAttribute(name);
      if (value !== null && !(name === "theme" && followsPage(value))) params.set(name, value);
    }
    const fromAttributes = readUrlScenario(`?${params.toString()}`);
    let { doc, notices } = fromAttributes;
    const json = this.querySelector('script[type="application/json"]');
    if (json) {
      const parsed = parseScenario(json.textContent);
      const problem = parsed.ok ? tooManyWrites(parsed.scenario.ops.length) : parsed.problem;
      if (problem) {
        notices = [...notices, elementNotice(problem)];
      } else if (parsed.ok) {
        doc = fromScenarioDoc(parsed.scenario);
      }
    }
    const mounted = mountDiagram(container, {
      doc,
      tMs: fromAttributes.tMs ?? 0,
      notices,
      view: {
        ...FULL_PAGE,
        embed: true,
        ledger: this.hasAttribute("ledger"),
        // The full page is served beside this script (dist/).
        fullView: new URL(/* @vite-ignore */ "./", import.meta.url).href,
      },
      play: this.hasAttribute("play"),
      layoutWidth: boxWidth(container),
    });
    const fire = (name: string, detail: object) => {
      this.dispatchEvent(
        new CustomEvent(`${NAMESPACE}:${name}`, { detail, bubbles: true, composed: true }),
      );
    };
    const unwatch = watchDiagram(mounted.store, ({ name, ...detail }) => {
      fire(name, detail);
    });
    this.mounted = { ...mounted, unwatch, root: container };
    const s = mounted.store.getState();
    fire("ready", { scenario: s.toScenario(), tMs: s.tMs });
  }

  /**
   * The `theme` attribute's colours on the element's root: light, dark, auto (the browser's; also
   * when absent or not a theme) or page (the host page's `color-scheme`, src/ui/theme.ts).
   */
  private applyTheme(root: HTMLElement): void {
    const theme = this.getAttribute("theme");
    if (theme?.trim().toLowerCase() === "page")
      applyTheme(root, "page", this.parentElement ?? this);
    else applyTheme(root, readTheme(theme) ?? "auto");
  }

  disconnectedCallback(): void {
    if (this.mounted) stopTheme(this.mounted.root);
    this.mounted?.unwatch();
    this.mounted?.unmount();
    this.mounted = null;
  }
}

if (!customElements.get("kvm-cache-diagram")) {
  customElements.define("kvm-cache-diagram", KvmCacheDiagram);
}
