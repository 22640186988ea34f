/**
 * A labelled checkbox: the input and its label joined by an id, optionally described by a hint
 * elsewhere on the page. Its accessible name is exactly `label` (e2e tests find them by it).
 */
interface CheckProps {
  readonly id: string;
  readonly label: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  /** The id of the hint that says what it does. */
  readonly describedBy?: string;
}

export function Check({ id, label, checked, onChange, describedBy }: CheckProps) {
  return (
    <span className="check">
      <input
        type="checkbox"
        id={id}
        checked={checked}
        onChange={(e) => {
          onChange(e.currentTarget.checked);
        }}
        aria-describedby={describedBy}
      />
      <label htmlFor={id}>{label}</label>
    </span>
  );
}
