/**
 * Scanning pasted text, shared by the entry, the XML tokenizer and the shell splitter: what
 * counts as white space, and which line a position is on.
 */

/** XML's S production and the separators of a POSIX shell word: space, tab, LF, CR. */
export function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** Line numbers for positions asked in increasing order, in one pass over the text. */
export class LineCounter {
  private readonly text: string;
  private index = 0;
  private line = 1;

  constructor(text: string) {
    this.text = text;
  }

  at(position: number): number {
    for (; this.index < position; this.index += 1) {
      if (this.text.charCodeAt(this.index) === 0x0a) this.line += 1;
    }
    return this.line;
  }
}
