/**
 * One reading of a scenario's text for every way one comes in (the page's Open scenario, the
 * CLI, the element's JSON child): which bytes are text, and which JSON is one document.
 */

import type { Problem } from "./fields";

export type Decoded =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problem: Problem };

/**
 * A scenario file's bytes as text: UTF-8, with or without a byte-order mark (some Windows editors
 * write one), or UTF-16 with its byte-order mark (Notepad's "Unicode"). Without a mark UTF-16 is
 * a guess; its NUL bytes, which JSON text never holds, give it away, and it is refused by name.
 */
export function decodeScenarioFile(bytes: Uint8Array): Decoded {
  const [first, second] = bytes;
  const encoding =
    first === 0xff && second === 0xfe
      ? "utf-16le"
      : first === 0xfe && second === 0xff
        ? "utf-16be"
        : "utf-8";
  try {
    // `fatal` refuses bytes that are not text in that encoding; the mark is dropped (ignoreBOM false).
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    if (encoding === "utf-8" && text.includes("\0")) {
      const expected = { kind: "encoding", encoding: "UTF-8", noMark: true } as const;
      return { ok: false, problem: { field: "document", expected, got: null } };
    }
    return { ok: true, text };
  } catch {
    const expected = {
      kind: "encoding",
      encoding: encoding === "utf-8" ? "UTF-8" : "UTF-16",
      noMark: false,
    } as const;
    return { ok: false, problem: { field: "document", expected, got: null } };
  }
}

/**
 * The first key that an object of valid JSON `text` holds twice, or null. JSON.parse keeps the
 * last silently (ECMA-262 JSON.parse; RFC 8259 §4 leaves it to the reader), so a document could
 * mean one thing to a reader that keeps the first: it is refused instead. Keys are compared as
 * JSON.parse reads them, escapes resolved ("a" and "\u0061" are the same key).
 */
export function duplicateKey(text: string): string | null {
  // One set of keys per open object; null for an open array.
  const open: (Set<string> | null)[] = [];
  // A string right after "{" or "," inside an object is a key.
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === "\\" ? 2 : 1;
      const keys = open[open.length - 1];
      if (expectKey && keys) {
        const raw = text.slice(i + 1, end);
        const key = raw.includes("\\") ? (JSON.parse(`"${raw}"`) as string) : raw;
        if (keys.has(key)) return key;
        keys.add(key);
      }
      expectKey = false;
      i = end;
    } else if (c === "{") {
      open.push(new Set());
      expectKey = true;
    } else if (c === "[") {
      open.push(null);
      expectKey = false;
    } else if (c === "}" || c === "]") {
      open.pop();
      expectKey = false;
    } else if (c === ",") {
      expectKey = open[open.length - 1] != null;
    }
  }
  return null;
}
