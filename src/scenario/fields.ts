/**
 * Readers for the fields of an untrusted document (a scenario, a tour): each returns the typed
 * value or throws `InvalidField` with a `Problem`: the field, what it allows and what it had, as
 * facts (src/text/scenario.ts says them). The validators turn that into `{ ok: false, problem }`;
 * nothing else ever sees the exception.
 */

/** What a scenario's field allows. */
export type Expected =
  | { readonly kind: "json"; readonly reason: string }
  | { readonly kind: "object"; readonly fields: readonly string[] }
  | { readonly kind: "known"; readonly allowed: readonly string[] }
  | { readonly kind: "oneOf"; readonly allowed: readonly string[] }
  | { readonly kind: "boolean" }
  | { readonly kind: "version"; readonly version: number }
  | { readonly kind: "ms"; readonly max: number }
  | { readonly kind: "ops" }
  | { readonly kind: "atMostOps"; readonly max: number }
  /** More writes than the page keeps (src/scenario/limit.ts). */
  | { readonly kind: "atMostWrites"; readonly max: number }
  /** A key an object holds twice (src/scenario/text.ts duplicateKey). */
  | { readonly kind: "uniqueKeys"; readonly key: string }
  /** Bytes that are not text in `encoding`; `noMark` when they look like UTF-16 without one. */
  | { readonly kind: "encoding"; readonly encoding: "UTF-8" | "UTF-16"; readonly noMark: boolean };

/** A field that is not what its document allows: where, what it allows (`E`), what it had. */
export interface Problem<E = Expected> {
  /** The path from the document's root, e.g. `ops[3].kind`; "document" for the root itself. */
  readonly field: string;
  readonly expected: E;
  readonly got: unknown;
}

/** Thrown inside a validator only, which turns it into `{ ok: false }`. */
export class InvalidField<E = Expected> extends Error {
  constructor(readonly problem: Problem<E>) {
    super(problem.field);
  }
}

export function fail(field: string, expected: Expected, got: unknown): never {
  throw new InvalidField({ field, expected, got });
}

export function objectAt(
  field: string,
  value: unknown,
  allowed: readonly string[],
): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    fail(field, { kind: "object", fields: allowed }, value);
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!allowed.includes(key)) {
      fail(`${field === "document" ? "" : `${field}.`}${key}`, { kind: "known", allowed }, key);
    }
  }
  return record;
}

export function oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    fail(field, { kind: "oneOf", allowed }, value);
  }
  return value as T;
}

export function boolean(field: string, value: unknown): boolean {
  if (typeof value !== "boolean") fail(field, { kind: "boolean" }, value);
  return value;
}
