/**
 * QEMU's option syntax, `key=value,…` (util/qemu-option.c) and its dotted keys (util/keyval.c),
 * also the syntax of a Proxmox drive's property string; and the options as JSON-like objects,
 * whose properties are read as own properties only.
 */

/** An option's properties: from JSON (-blockdev '{…}'), or keyval through nest(). */
export type Props = Readonly<Record<string, unknown>>;

/** Beyond this many dots, a keyval key is ignored (no real option nests deeper). */
const MAX_KEY_DEPTH = 8;

/**
 * QEMU's `key=value,…` syntax (util/qemu-option.c): ",," stands for a comma inside a value; a
 * bare first word is the implied key (-device's driver), a bare word elsewhere means "on"; the
 * last of a repeated key wins.
 */
export function keyval(text: string, impliedKey: string | null): Map<string, string> {
  const result = new Map<string, string>();
  splitCommas(text).forEach((part, index) => {
    const equals = part.indexOf("=");
    if (equals !== -1) result.set(part.slice(0, equals), part.slice(equals + 1));
    else if (index === 0 && impliedKey !== null) result.set(impliedKey, part);
    else if (part !== "") result.set(part, "on");
  });
  return result;
}

function splitCommas(text: string): string[] {
  const parts: string[] = [];
  let part = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== ",") continue;
    if (text[i + 1] === ",") {
      part += text.slice(from, i + 1);
      i += 1;
    } else {
      parts.push(part + text.slice(from, i));
      part = "";
    }
    from = i + 1;
  }
  parts.push(part + text.slice(from));
  return parts;
}

/** Dotted keys as nested objects, `file.filename=x` as `{"file":{"filename":"x"}}`, as QEMU's
 * keyval syntax reads them for -blockdev (util/keyval.c). Objects without a prototype, so no
 * key can reach Object.prototype. */
export function nest(flat: ReadonlyMap<string, string>): Props {
  const root = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of flat) {
    const path = key.split(".");
    const last = path.pop();
    if (last === undefined || path.length >= MAX_KEY_DEPTH) continue;
    let node: Record<string, unknown> | null = root;
    for (const step of path) node = node === null ? null : childObject(node, step);
    if (node !== null && !Object.hasOwn(node, last)) node[last] = value;
  }
  return root;
}

/** The object under `key`, made when absent; null when a value already holds the key. */
function childObject(node: Record<string, unknown>, key: string): Record<string, unknown> | null {
  if (!Object.hasOwn(node, key)) node[key] = Object.create(null) as Record<string, unknown>;
  const child = node[key];
  return isRecord(child) ? child : null;
}

export function isRecord(value: unknown): value is Props {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Own properties only: a pasted "__proto__" or "constructor" is data, never the prototype's. */
export function ownProp(props: Props, key: string): unknown {
  return Object.hasOwn(props, key) ? props[key] : undefined;
}

export function stringProp(props: Props, key: string): string | undefined {
  const value = ownProp(props, key);
  return typeof value === "string" ? value : undefined;
}
