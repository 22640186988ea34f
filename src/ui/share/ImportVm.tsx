/**
 * "Import VM configuration": paste a libvirt domain XML, a QEMU command line or a Proxmox VM
 * config (src/import), choose the disk if there are several, and Apply sets the cache mode. It
 * says what it could not read. Parsing happens in the page; nothing is sent anywhere.
 */
import { useId, useRef, useState } from "react";
import type { VmFormat, VmImport } from "../../import/vmConfig";
import { useDiagram } from "../app/useDiagram";

const FORMAT_NAME: Readonly<Record<VmFormat, string>> = {
  libvirt: "libvirt domain XML",
  qemu: "QEMU command line",
  proxmox: "Proxmox VM config",
};

export default function ImportVm() {
  const dialog = useRef<HTMLDialogElement>(null);
  const setConfig = useDiagram((s) => s.setConfig);
  const [text, setText] = useState("");
  const [read, setRead] = useState<VmImport | null>(null);
  const [disk, setDisk] = useState(0);
  const [status, setStatus] = useState("");

  const titleId = useId();
  const apply = async () => {
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
    setStatus(
      `Applied: ${chosen.name} uses cache=${chosen.mode}${chosen.explicit ? "" : " (the default)"}.`,
    );
  };

  return (
    <>
      <button
        type="button"
        onClick={() => {
          dialog.current?.showModal();
        }}
      >
        Import VM configuration
      </button>
      <dialog ref={dialog} className="import-dialog" aria-labelledby={titleId}>
        <h2 id={titleId}>Import a VM configuration</h2>
        <p className="hint">
          Paste <code>virsh dumpxml</code>, a QEMU command line, or a Proxmox{" "}
          <code>/etc/pve/qemu-server/&lt;id&gt;.conf</code>. It is read here, in the page: nothing
          is sent anywhere.
        </p>
        <label>
          VM configuration
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
          <fieldset>
            <legend>Disk</legend>
            {read.disks.map((d, i) => (
              <label key={`${d.name}-${String(i)}`} className="check">
                <input
                  type="radio"
                  name="import-disk"
                  checked={disk === i}
                  onChange={() => {
                    setDisk(i);
                  }}
                />
                {d.name}: cache={d.mode}
                {d.source ? ` (${d.source})` : ""}
              </label>
            ))}
          </fieldset>
        ) : null}
        <div className="buttons">
          <button type="button" onClick={() => void apply()}>
            Apply
          </button>
          <form method="dialog">
            <button type="submit">Close</button>
          </form>
        </div>
        {read && !read.ok ? (
          <p role="alert" className="import-error">
            {read.message}
          </p>
        ) : null}
        <p role="status">{status}</p>
        {read?.ok ? (
          <div className="import-read">
            <p>
              Read as a {FORMAT_NAME[read.format]}: {read.disks.length} disk
              {read.disks.length === 1 ? "" : "s"}
              {read.disks.length > 1 ? " (choose one above, then Apply again)" : ""}.
            </p>
            {read.disks.flatMap((d) => (d.note ? [<p key={d.name}>{d.note}</p>] : []))}
            {read.unread.length > 0 ? (
              <>
                <p>Not read, or not modelled:</p>
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
