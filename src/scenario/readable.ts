/**
 * Untrusted text as a message may show it: control characters as their visible Unicode symbols
 * (U+2400 "Control Pictures", never raw escapes), and cut by characters, not UTF-16 units, so a
 * long value never ends in half an emoji.
 */
export function readable(text: string, max = 40): string {
  const chars = Array.from(text);
  const shown = chars
    .slice(0, max)
    .map((c) => {
      const code = c.codePointAt(0) ?? 0;
      if (code < 0x20) return String.fromCodePoint(0x2400 + code);
      if (code === 0x7f) return "\u2421";
      return c;
    })
    .join("");
  return chars.length > max ? `${shown}…` : shown;
}
