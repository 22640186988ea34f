/**
 * Untrusted text as a message may show it: control characters as their visible Unicode symbols
 * (U+2400 "Control Pictures", never raw escapes), the bidirectional controls by their code point
 * (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F: shown as they are they reorder the message
 * around them, so a name could read as something else, Unicode TR #9 and CVE-2021-42574), and cut
 * by characters, not UTF-16 units, so a long value never ends in half an emoji. The one helper
 * for every echo of user input (validation messages, import findings, file and disk names); it
 * lives here, below src/text, because the validators themselves use it.
 */
export function readable(text: string, max = 40): string {
  const chars = Array.from(text);
  const shown = chars
    .slice(0, max)
    .map((c) => {
      const code = c.codePointAt(0) ?? 0;
      if (code < 0x20) return String.fromCodePoint(0x2400 + code);
      if (code === 0x7f) return "\u2421";
      if (isBidiControl(code)) return `<U+${code.toString(16).toUpperCase()}>`;
      return c;
    })
    .join("");
  return chars.length > max ? `${shown}…` : shown;
}

function isBidiControl(code: number): boolean {
  return (
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0x200e ||
    code === 0x200f
  );
}
