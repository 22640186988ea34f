/**
 * Readers for the fields of an untrusted document (a scenario, a tour): each returns the typed
 * value or throws `InvalidField` with a one-line message naming the field and what it allows.
 * The validators turn that into `{ ok: false, error }`; nothing else ever sees the exception.
 */
import { readable } from "./readable";

/** Thrown inside a validator only, which turns it into `{ ok: false }`. */
export class InvalidField extends Error {}

export function fail(field: string, message: string): never {
  throw new InvalidField(`${field}: ${message}`);
}

export function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  // Readable, never raw escapes or half an emoji: the message is shown to people.
  if (typeof value === "string") return `"${readable(value)}"`;
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return typeof value;
}

export function objectAt(
  field: string,
  value: unknown,
  allowed: readonly string[],
): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    fail(field, `expected an object with ${allowed.join(", ")}, got ${describe(value)}`);
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!allowed.includes(key)) {
      fail(
        `${field === "document" ? "" : `${field}.`}${key}`,
        `unknown field (allowed: ${allowed.join(", ")})`,
      );
    }
  }
  return record;
}

export function oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    fail(field, `expected one of ${allowed.join(", ")}, got ${describe(value)}`);
  }
  return value as T;
}

export function boolean(field: string, value: unknown): boolean {
  if (typeof value !== "boolean") fail(field, `expected true or false, got ${describe(value)}`);
  return value;
}
