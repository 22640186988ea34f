/**
 * The message protocol between an embedded diagram and its host page (docs/embedding.md):
 * versioned and namespaced, `{ "type": "kvm-cache-diagram:<name>", "version": 1, … }`. Every
 * command is read through the scenario validator (src/scenario/schema.ts): a scenario as it is,
 * a write's or a failure's kind and a time as the fields of a scenario that would carry them. So
 * a command the page accepts is exactly one a scenario file could express, and a `load` holds
 * no more writes than the page keeps (src/scenario/limit.ts), refused before anything simulates.
 */
import type { FailureKind, OpKind } from "../model/timeline";
import { tooManyWrites } from "../scenario/limit";
import { readable } from "../scenario/readable";
import { SCENARIO_VERSION, validateScenario, type ScenarioDoc } from "../scenario/schema";
import { DEFAULT_CONFIG, scenarioConfig } from "../scenario/session";
import { problemLine } from "../text/scenario";

export const NAMESPACE = "kvm-cache-diagram";
export const PROTOCOL_VERSION = 1;

export type Command =
  | { readonly name: "load"; readonly scenario: ScenarioDoc; readonly tMs: number }
  | { readonly name: "play" }
  | { readonly name: "pause" }
  | { readonly name: "seek"; readonly tMs: number }
  | { readonly name: "issue"; readonly kind: OpKind }
  | { readonly name: "fail"; readonly kind: FailureKind }
  /** Asks the frame for its content's height (a `resize` answers); taken from any parent. */
  | { readonly name: "measure" };

export type CommandName = Command["name"];
export const COMMAND_NAMES: readonly CommandName[] = [
  "load",
  "play",
  "pause",
  "seek",
  "issue",
  "fail",
  "measure",
];

export type ParsedCommand =
  { readonly ok: true; readonly command: Command } | { readonly ok: false; readonly error: string };

/** The fields each command may carry besides `type` and `version`. */
const FIELDS: Readonly<Record<CommandName, readonly string[]>> = {
  load: ["scenario", "tMs"],
  play: [],
  pause: [],
  seek: ["tMs"],
  issue: ["kind"],
  fail: ["kind"],
  measure: [],
};

/** A minimal valid scenario around the field under test: the validator names what is wrong. */
const SHELL = { version: SCENARIO_VERSION, config: scenarioConfig(DEFAULT_CONFIG) };

function time(value: unknown): number | string {
  const result = validateScenario({ ...SHELL, ops: [{ at: value, kind: "normal" }] });
  return result.ok
    ? (result.scenario.ops[0]?.at ?? 0)
    : problemLine({ ...result.problem, field: "tMs" });
}

function opKind(value: unknown): OpKind | { error: string } {
  const result = validateScenario({ ...SHELL, ops: [{ at: 0, kind: value }] });
  const kind = result.ok ? result.scenario.ops[0]?.kind : undefined;
  return (
    kind ?? {
      error: result.ok ? "kind: missing" : problemLine({ ...result.problem, field: "kind" }),
    }
  );
}

function failureKind(value: unknown): FailureKind | { error: string } {
  const result = validateScenario({ ...SHELL, ops: [], crash: { at: 0, kind: value } });
  const kind = result.ok ? result.scenario.crash?.kind : undefined;
  return (
    kind ?? {
      error: result.ok ? "kind: missing" : problemLine({ ...result.problem, field: "kind" }),
    }
  );
}

/** Reads a message as a command, or says why it is not one (the reason names the field). */
export function parseCommand(data: unknown): ParsedCommand {
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    return { ok: false, error: "not an object" };
  }
  const message = data as Record<string, unknown>;
  const { type, version } = message;
  const prefix = `${NAMESPACE}:`;
  if (typeof type !== "string" || !type.startsWith(prefix)) {
    return { ok: false, error: `type: expected "${prefix}<command>"` };
  }
  const name = type.slice(prefix.length) as CommandName;
  if (!COMMAND_NAMES.includes(name)) {
    return {
      ok: false,
      error: `type: unknown command "${readable(name)}" (commands: ${COMMAND_NAMES.join(", ")})`,
    };
  }
  if (version !== PROTOCOL_VERSION) {
    return { ok: false, error: `version: expected ${String(PROTOCOL_VERSION)}` };
  }
  const extra = Object.keys(message).find(
    (key) => key !== "type" && key !== "version" && !FIELDS[name].includes(key),
  );
  if (extra !== undefined) return { ok: false, error: `${readable(extra)}: unknown field` };
  switch (name) {
    case "play":
    case "pause":
    case "measure":
      return { ok: true, command: { name } };
    case "seek":
    case "load": {
      const tMs = name === "seek" || message.tMs !== undefined ? time(message.tMs) : 0;
      if (typeof tMs === "string") return { ok: false, error: tMs };
      if (name === "seek") return { ok: true, command: { name, tMs } };
      const result = validateScenario(message.scenario);
      if (!result.ok) return { ok: false, error: `scenario.${problemLine(result.problem)}` };
      const over = tooManyWrites(result.scenario.ops.length);
      if (over) return { ok: false, error: `scenario.${problemLine(over)}` };
      return { ok: true, command: { name, scenario: result.scenario, tMs } };
    }
    case "issue": {
      const kind = opKind(message.kind);
      return typeof kind === "string"
        ? { ok: true, command: { name, kind } }
        : { ok: false, error: kind.error };
    }
    case "fail": {
      const kind = failureKind(message.kind);
      return typeof kind === "string"
        ? { ok: true, command: { name, kind } }
        : { ok: false, error: kind.error };
    }
  }
}

/** What the diagram tells its host (and the element fires as DOM events of the same `type`). */
export type DiagramEvent =
  | { readonly name: "ready"; readonly scenario: ScenarioDoc; readonly tMs: number }
  | { readonly name: "resize"; readonly height: number }
  | {
      readonly name: "acked";
      readonly write: number;
      readonly kind: OpKind;
      readonly atMs: number;
      readonly layer: string;
    }
  | {
      readonly name: "durable";
      readonly write: number;
      readonly kind: OpKind;
      readonly atMs: number;
    }
  | {
      readonly name: "lost";
      readonly failure: FailureKind;
      readonly atMs: number;
      /** The writes the failure destroyed, by ledger number… */
      readonly writes: readonly number[];
      /** …and of those, the ones the guest had been told were done. */
      readonly acked: readonly number[];
    }
  | {
      readonly name: "state";
      readonly scenario: ScenarioDoc;
      readonly tMs: number;
      readonly playing: boolean;
    };

/** An event as a message: `{ type: "kvm-cache-diagram:acked", version: 1, write: 0, … }`. */
export function toMessage(event: DiagramEvent): Record<string, unknown> {
  const { name, ...fields } = event;
  return { type: `${NAMESPACE}:${name}`, version: PROTOCOL_VERSION, ...fields };
}
