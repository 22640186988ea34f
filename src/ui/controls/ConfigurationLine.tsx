/**
 * The configuration in one line, for an embed (its host page set it, docs/embedding.md), for
 * presenter mode (where the mode strip gives way to the drawing) and for the compared diagram.
 * Not part of the full page's first view: loaded with the views that show it.
 */
import { useDiagram } from "../app/useDiagram";

export default function ConfigurationLine({ withMode = false }: { readonly withMode?: boolean }) {
  const config = useDiagram((s) => s.config);
  const faults = [
    config.diskFlush === "ignored" ? "drive ignores flushes" : null,
    config.hostBarriers ? null : "host filesystem without barriers",
    config.reorder ? "disk reorders writes" : null,
  ].filter((f) => f !== null);
  return (
    <p className="configuration-line">
      {withMode ? `cache=${config.mode} · ` : null}
      {config.guestFs} guest, barriers {config.guestBarriers ? "on" : "off"} · disk write cache{" "}
      {config.diskCache}
      {faults.length > 0 ? ` · ${faults.join(", ")}` : ""}
    </p>
  );
}
