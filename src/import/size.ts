/**
 * How much text Import VM reads: checked as it is pasted (src/ui/share/ImportVm.tsx says so at
 * once, before Apply and before the readers load) and again by the reader (./vmConfig.ts).
 * Small and free of the readers, so the dialog can ask without loading them.
 */

/** A domain XML or a command line is a few kB; a Proxmox file with many snapshots, tens. */
export const MAX_VM_CONFIG_CHARS = 1_000_000;

/** Why `text` is too long to read, or null. */
export function tooLong(text: string): string | null {
  if (text.length <= MAX_VM_CONFIG_CHARS) return null;
  // Rounded up, so that text just over the limit never reads as "1 million; the limit is 1".
  const millions = Math.ceil(text.length / 100_000) / 10;
  return `The configuration is ${String(millions)} million characters long; the limit is ${String(MAX_VM_CONFIG_CHARS / 1_000_000)} million.`;
}
