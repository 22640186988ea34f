/**
 * A QEMU command line as the user pastes it — from `ps`, `qm showcmd` or a shell script — split
 * into its arguments, as the shell would hand them to QEMU.
 */
import { isSpace } from "./text";

/**
 * Splits a command line into words as a POSIX shell does in the cases met in practice (quotes,
 * backslashes, `\` line continuations, `#` comments). `ps` prints the arguments unquoted, so a
 * word that starts with "{" is read as JSON up to its matching "}" (libvirt's -blockdev and
 * -device), and a quote without a partner is kept as a character.
 */
export function shellWords(text: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    const continued = continuationEnd(text, i);
    if (continued !== i) {
      i = continued;
    } else if (isSpace(text.charCodeAt(i))) {
      if (word !== null) words.push(word);
      word = null;
      i += 1;
    } else if (word === null && c === "#") {
      const lineEnd = text.indexOf("\n", i);
      i = lineEnd === -1 ? text.length : lineEnd;
    } else if (word === null && c === "{") {
      const end = jsonEnd(text, i);
      word = text.slice(i, end);
      i = end;
    } else {
      const [part, end] = wordPart(text, i);
      word = (word ?? "") + part;
      i = end;
    }
  }
  if (word !== null) words.push(word);
  return words;
}

/** A backslash before a line break joins the lines; it starts no word. */
function continuationEnd(text: string, i: number): number {
  if (text.charAt(i) !== "\\") return i;
  if (text.startsWith("\n", i + 1)) return i + 2;
  return text.startsWith("\r\n", i + 1) ? i + 3 : i;
}

const WORD_BREAKS = new Set([" ", "\t", "\n", "\r", "\\", "'", '"']);

/** One piece of a word from `i`: an escaped character, a quoted string or a plain run. */
function wordPart(text: string, i: number): readonly [string, number] {
  const c = text.charAt(i);
  if (c === "\\") return [text.charAt(i + 1), i + 2];
  if (c === "'") {
    const close = text.indexOf("'", i + 1);
    return close === -1 ? ["'", i + 1] : [text.slice(i + 1, close), close + 1];
  }
  if (c === '"') return doubleQuoted(text, i);
  let end = i + 1;
  while (end < text.length && !WORD_BREAKS.has(text.charAt(end))) end += 1;
  return [text.slice(i, end), end];
}

/** Inside double quotes a backslash escapes only $ ` " \ and a line break (POSIX 2.2.3). */
function doubleQuoted(text: string, open: number): readonly [string, number] {
  let out = "";
  let from = open + 1;
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === '"') return [out + text.slice(from, i), i + 1];
    const next = text.charAt(i + 1);
    if (c === "\\" && next !== "" && '$`"\\\n'.includes(next)) {
      out += text.slice(from, i) + (next === "\n" ? "" : next);
      i += 1;
      from = i + 1;
    }
  }
  return ['"', open + 1];
}

/** Where the JSON value starting at `start` ends (after its closing brace), strings respected. */
function jsonEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text.charAt(i);
    if (inString) {
      if (c === "\\") i += 1;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === "{" || c === "[") {
      depth += 1;
    } else if (c === "}" || c === "]") {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  return text.length;
}
