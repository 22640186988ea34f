/**
 * How to set the current configuration, tool by tool (docs/model.md §7; the words:
 * src/text/snippets.ts). Not part of the first view: loaded when the reader opens "How to set
 * this configuration".
 */
import { snippets } from "../../text/snippets";
import { useDiagram } from "../app/useDiagram";

export default function Snippets() {
  const config = useDiagram((s) => s.config);
  return (
    <dl className="snippets">
      {snippets(config).map(({ label, lines, note }) => (
        <div key={label}>
          <dt>{label}</dt>
          {lines.map((line) => (
            <dd key={line}>
              <code>{line}</code>
            </dd>
          ))}
          {note === null ? null : <dd className="hint">{note}</dd>}
        </div>
      ))}
    </dl>
  );
}
