/**
 * The configuration in one line, for an embed (its host page set it, docs/embedding.md), for
 * presenter mode (where the mode strip gives way to the drawing) and for the compared diagram.
 * Not part of the full page's first view: loaded with the views that show it.
 */
import { configurationShort } from "../../text/configuration";
import { useDiagram } from "../app/useDiagram";

export default function ConfigurationLine({ withMode = false }: { readonly withMode?: boolean }) {
  const config = useDiagram((s) => s.config);
  return <p className="configuration-line">{configurationShort(config, withMode)}</p>;
}
