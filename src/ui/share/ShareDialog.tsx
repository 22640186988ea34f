/**
 * "Share": the link to this moment and what to paste into docs (docs/embedding.md), each with a
 * copy button. A native modal <dialog>: focus moves into it and Escape closes it.
 */
import { useId, useMemo, useRef, useState } from "react";
import { embedSnippets, type Snippets } from "../../link/embedSnippets";
import { SHARE_DIALOG } from "../../text/share";
import { useDiagram } from "../app/useDiagram";

const PARTS: readonly { key: keyof Snippets; label: string; copy: string }[] = (
  ["link", "iframe", "mdx", "element"] as const
).map((key) => ({ key, ...SHARE_DIALOG.parts[key] }));

export default function ShareDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState("");
  const config = useDiagram((s) => s.config);
  const ops = useDiagram((s) => s.ops);
  const crash = useDiagram((s) => s.failure);
  const tMs = useDiagram((s) => s.tMs);
  const snippets = useMemo(
    () => (open ? embedSnippets(window.location.href, { config, ops, crash }, tMs) : null),
    [open, config, ops, crash, tMs],
  );

  const copy = async (text: string, what: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus(SHARE_DIALOG.copied(what));
    } catch {
      setStatus(SHARE_DIALOG.clipboardRefused);
    }
  };

  return (
    <>
      <button
        type="button"
        onClick={() => {
          setOpen(true);
          setStatus("");
          dialog.current?.showModal();
        }}
      >
        {SHARE_DIALOG.open}
      </button>
      <dialog
        ref={dialog}
        className="share-dialog"
        aria-labelledby={titleId}
        onClose={() => {
          setOpen(false);
        }}
      >
        <h2 id={titleId}>{SHARE_DIALOG.title}</h2>
        {snippets
          ? PARTS.map(({ key, label, copy: copyName }) => (
              <div key={key} className="snippet">
                <label>
                  {label}
                  <textarea readOnly rows={key === "link" ? 2 : 5} value={snippets[key]} />
                </label>
                <button type="button" onClick={() => void copy(snippets[key], label)}>
                  {copyName}
                </button>
              </div>
            ))
          : null}
        <p className="hint">
          The iframe sizes itself with the script under it (embed.js, one per page). MDX runs no
          script: in Docusaurus, list embed.js in <code>scripts</code> in docusaurus.config.js.
        </p>
        <p role="status">{status}</p>
        <form method="dialog">
          <button type="submit">{SHARE_DIALOG.close}</button>
        </form>
      </dialog>
    </>
  );
}
