/**
 * A JSON file chosen from disk, drawn as a button (`.file` in app.css; the input itself stays, for
 * the keyboard and its name). The input is emptied at once, so choosing the same file again is a
 * new choice. Open scenario and the latency chart's Load lab result use it.
 */
export function JsonFilePicker({
  face,
  label,
  onFile,
}: {
  /** What the button shows (hidden from assistive technology: `label` names it). */
  readonly face: string;
  readonly label: string;
  readonly onFile: (file: File) => void;
}) {
  return (
    <label className="file">
      <span aria-hidden="true">{face}</span>
      <input
        type="file"
        accept=".json,application/json"
        aria-label={label}
        onChange={(e) => {
          const input = e.currentTarget;
          const file = input.files?.[0];
          input.value = "";
          if (file) onFile(file);
        }}
      />
    </label>
  );
}
