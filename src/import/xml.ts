/**
 * A tokenizer for the XML virsh writes: elements, attributes, comments, CDATA, processing
 * instructions, the five predefined entities and character references. No DTD, so no entity
 * can expand (the "billion laughs" bomb needs one) and no external file is ever named.
 *
 * Without DOMParser, so it runs in the browser and under Node alike.
 */
import { readable } from "../scenario/readable";
import { isSpace, LineCounter } from "./text";

export interface XmlElement {
  readonly name: string;
  readonly attrs: ReadonlyMap<string, string>;
  readonly parent: XmlElement | null;
  readonly children: XmlElement[];
  readonly line: number;
}

/** The first child element named `name`. */
export function childOf(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((child) => child.name === name);
}

const DECLARATION = /<!(?:DOCTYPE|ENTITY)/i;

/** Markup skipped whole: opener, closer, and what to call it in a message. */
const SKIPPED = [
  ["<!--", "-->", "comment"],
  ["<![CDATA[", "]]>", "CDATA section"],
  ["<?", "?>", "processing instruction"],
] as const;

/** Every element in document order, or what is wrong with the XML. */
export function parseXml(text: string): XmlElement[] | string {
  if (DECLARATION.test(text)) {
    return "The XML declares a DOCTYPE or entities, which this page refuses (it expands no entities); virsh dumpxml writes neither.";
  }
  const lines = new LineCounter(text);
  const elements: XmlElement[] = [];
  const open: XmlElement[] = [];
  let at = 0;
  for (let lt = text.indexOf("<", at); lt !== -1; lt = text.indexOf("<", at)) {
    const skipped = SKIPPED.find(([opener]) => text.startsWith(opener, lt));
    if (skipped !== undefined) {
      const [opener, closer, what] = skipped;
      const end = text.indexOf(closer, lt + opener.length);
      if (end === -1)
        return `The XML ends inside a ${what} opened on line ${String(lines.at(lt))}.`;
      at = end + closer.length;
      continue;
    }
    const next = text.startsWith("</", lt)
      ? closeTag(text, lt, open, lines)
      : openTag(text, lt, open, elements, lines);
    if (typeof next === "string") return next;
    at = next;
  }
  const unclosed = open.at(-1);
  if (unclosed !== undefined) {
    return `The XML ends before <${readable(unclosed.name)}> from line ${String(unclosed.line)} is closed.`;
  }
  return elements;
}

/** Reads `</name>`; returns where the text goes on, or what is wrong. */
function closeTag(
  text: string,
  lt: number,
  open: XmlElement[],
  lines: LineCounter,
): number | string {
  const line = String(lines.at(lt));
  const gt = text.indexOf(">", lt);
  if (gt === -1) return `The XML ends inside the closing tag on line ${line}.`;
  const name = text.slice(lt + 2, gt).trim();
  const element = open.pop();
  if (element === undefined) {
    return `The XML closes </${readable(name)}> on line ${line} without opening it.`;
  }
  if (element.name !== name) {
    return `The XML closes </${readable(name)}> on line ${line} while <${readable(element.name)}> from line ${String(element.line)} is open.`;
  }
  return gt + 1;
}

/** Reads `<name attr='value' …>` or `<name …/>`; returns where the text goes on, or what is wrong. */
function openTag(
  text: string,
  lt: number,
  open: XmlElement[],
  elements: XmlElement[],
  lines: LineCounter,
): number | string {
  const line = lines.at(lt);
  const nameEnd = nameEndAt(text, lt + 1);
  if (nameEnd === lt + 1 || !isNameStart(text.charCodeAt(lt + 1))) {
    return `The XML has a "<" that starts no tag on line ${String(line)}.`;
  }
  const name = text.slice(lt + 1, nameEnd);
  const attrs = new Map<string, string>();
  const end = readAttributes(text, nameEnd, attrs);
  if (end === "unterminated") {
    return `The XML ends inside the tag <${readable(name)}> opened on line ${String(line)}.`;
  }
  if (end === "malformed") {
    return `The XML tag <${readable(name)}> on line ${String(line)} has a malformed attribute or an entity other than &lt; &gt; &amp; &quot; &apos; and character references.`;
  }
  const parent = open.at(-1) ?? null;
  const element: XmlElement = { name, attrs, parent, children: [], line };
  parent?.children.push(element);
  elements.push(element);
  if (!text.startsWith("/>", end - 2)) open.push(element);
  return end;
}

/** Fills `attrs` up to the tag's end; returns the index after ">" or "/>". */
function readAttributes(
  text: string,
  from: number,
  attrs: Map<string, string>,
): number | "unterminated" | "malformed" {
  let i = from;
  for (;;) {
    i = skipSpace(text, i);
    if (i >= text.length) return "unterminated";
    if (text.startsWith("/>", i)) return i + 2;
    if (text.startsWith(">", i)) return i + 1;
    const keyEnd = nameEndAt(text, i);
    const equals = skipSpace(text, keyEnd);
    const quoteAt = skipSpace(text, equals + 1);
    const quote = text.charAt(quoteAt);
    if (keyEnd === i || text.charAt(equals) !== "=" || (quote !== '"' && quote !== "'")) {
      return quoteAt >= text.length ? "unterminated" : "malformed";
    }
    const close = text.indexOf(quote, quoteAt + 1);
    if (close === -1) return "unterminated";
    const value = decodeEntities(text.slice(quoteAt + 1, close));
    if (value === null) return "malformed";
    attrs.set(text.slice(i, keyEnd), value);
    i = close + 1;
  }
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && isSpace(text.charCodeAt(i))) i += 1;
  return i;
}

function nameEndAt(text: string, from: number): number {
  let i = from;
  while (i < text.length && !NAME_STOPS.has(text.charAt(i)) && !isSpace(text.charCodeAt(i))) {
    i += 1;
  }
  return i;
}

const NAME_STOPS = new Set(["=", ">", "/", "<", '"', "'"]);

/** A simplified XML NameStartChar: a letter, "_", ":" or anything beyond ASCII. */
function isNameStart(code: number): boolean {
  const lower = code | 0x20;
  return (lower >= 0x61 && lower <= 0x7a) || code === 0x5f || code === 0x3a || code >= 0x80;
}

const PREDEFINED_ENTITIES: ReadonlyMap<string, string> = new Map([
  ["lt", "<"],
  ["gt", ">"],
  ["amp", "&"],
  ["quot", '"'],
  ["apos", "'"],
]);

/** The longest reference worth a look, "#x10FFFF": looking no further keeps "&&&…" linear. */
const MAX_REFERENCE = 8;

const CHARACTER_REFERENCE = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/;

/** An attribute value with its references replaced, or null for an unknown or broken one. */
function decodeEntities(raw: string): string | null {
  let out = "";
  let at = 0;
  for (let amp = raw.indexOf("&"); amp !== -1; amp = raw.indexOf("&", at)) {
    const semicolon = raw.slice(amp + 1, amp + 2 + MAX_REFERENCE).indexOf(";");
    const char = semicolon === -1 ? null : referenced(raw.slice(amp + 1, amp + 1 + semicolon));
    if (char === null) return null;
    out += raw.slice(at, amp) + char;
    at = amp + semicolon + 2;
  }
  return out + raw.slice(at);
}

function referenced(reference: string): string | null {
  const named = PREDEFINED_ENTITIES.get(reference);
  if (named !== undefined) return named;
  const match = CHARACTER_REFERENCE.exec(reference);
  if (match === null) return null;
  const code = match[1] === undefined ? Number(match[2]) : parseInt(match[1], 16);
  const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
  return valid ? String.fromCodePoint(code) : null;
}
