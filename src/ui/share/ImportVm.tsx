/**
 * "Import VM configuration": paste a libvirt domain XML, a QEMU command line or a Proxmox VM
 * config (src/import), choose the disk if there are several, and Apply sets the cache mode. It
 * says what it could not read. Parsing happens in the page; nothing is sent anywhere. Text over
 * the size limit is refused as it is pasted (src/import/size.ts), before Apply; many disks are
 * chosen through a filter and a capped list (./DiskPicker.tsx).
 */
import { useId, useRef, useState } from "react";
import { tooLong } from "../../import/size";
import type { VmImport } from "../../import/vmConfig";
import { DiskPicker, MAX_RADIOS } from "./DiskPicker";
import { IMPORT_VM } from "../../text/share";
import { useDiagram } from "../app/useDiagram";

export default function ImportVm() {
  const dialog = useRef<HTMLDialogElement>(null);
  const setConfig = useDiagram((s) => s.setConfig);
  const [text, setText] = useState("");
  const [read, setRead] = useState<VmImport | null>(null);
  const [disk, setDisk] = useState(0);
  const [status, setStatus] = useState("");
  // Said as soon as the text is too long, whatever Apply would have read.
  const refused = tooLong(text) ?? (read && !read.ok ? read.message : null);

  const titleId = useId();
  const apply = async () => {
    if (tooLong(text) !== null) return;
    // The parsers load with the first Apply: few readers import a VM.
    const { parseVmConfig } = await import("../../import/vmConfig");
    const result = parseVmConfig(text);
    setRead(result);
    if (!result.ok) {
      setStatus("");
      return;
    }
    const chosen = result.disks[Math.min(disk, result.disks.length - 1)];
    if (!chosen) return;
    setConfig({ mode: chosen.mode });
    setStatus(IMPORT_VM.applied(chosen.name, chosen.mode, chosen.explicit));
  };

  return (
    <>
      <button
        type="button"
        onClick={() => {
          dialog.current?.showModal();
        }}
      >
        {IMPORT_VM.open}
      </button>
      <dialog ref={dialog} className="import-dialog" aria-labelledby={titleId}>
        <h2 id={titleId}>{IMPORT_VM.title}</h2>
        <p className="hint">
          {IMPORT_VM.hint[0]}
          <code>{IMPORT_VM.hintCode[0]}</code>
          {IMPORT_VM.hint[1]}
          <code>{IMPORT_VM.hintCode[1]}</code>
          {IMPORT_VM.hint[2]}
        </p>
        <label>
          {IMPORT_VM.field}
          <textarea
            rows={8}
            value={text}
            spellCheck={false}
            onChange={(e) => {
              setText(e.currentTarget.value);
              setRead(null);
              setStatus("");
              setDisk(0);
            }}
          />
        </label>
        {read?.ok && read.disks.length > 1 ? (
          <DiskPicker disks={read.disks} chosen={disk} choose={setDisk} />
        ) : null}
        <div className="buttons">
          <button type="button" onClick={() => void apply()}>
            {IMPORT_VM.apply}
          </button>
          <form method="dialog">
            <button type="submit">{IMPORT_VM.close}</button>
          </form>
        </div>
        {refused !== null ? (
          <p role="alert" className="import-error">
            {refused}
          </p>
        ) : null}
        <p role="status">{status}</p>
        {read?.ok ? (
          <div className="import-read">
            <p>{IMPORT_VM.readAs(read.format, read.disks.length)}</p>
            {/* Each disk's note while there are few; with many, the chosen one's. */}
            {(read.disks.length <= MAX_RADIOS
              ? read.disks
              : read.disks.slice(disk, disk + 1)
            ).flatMap((d) => (d.note ? [<p key={d.name}>{d.note}</p>] : []))}
            {read.unread.length > 0 ? (
              <>
                <p>{IMPORT_VM.unread}</p>
                <ul>
                  {read.unread.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        ) : null}
      </dialog>
    </>
  );
}
