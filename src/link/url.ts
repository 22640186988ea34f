/**
 * The whole scenario in the URL, so a link opens any moment:
 * `?mode=none&barriers=off&fs=ext3&disk=volatile&crash=power@0.08&t=0.05#writes=sn12.5`.
 * The configuration, the failure and the playhead are query parameters, readable; the writes are
 * in the fragment, which the browser never sends to a server (RFC 9110 §4.2.4, RFC 3986 §3.5),
 * so no server's limit on the request line (nginx's 8 KiB, Node's 16 KiB) can refuse a link
 * however many writes it carries. Links made before that (`&ops=osync@0,normal@12.5` in the
 * query) are still read. Read at load through the scenario validator (one validator for every
 * boundary); written back in place as the user acts by src/link/urlWrite.ts, loaded after the
 * first view. A bad parameter never blanks the page: it yields a notice naming it (and the
 * default used instead), and the rest still loads. The tab keeps the same text
 * (src/link/kept.ts), read back here by `startingScenario`.
 */
import { CONFIG_FIELDS, CONFIG_KEYS, withDefaults, type ConfigKey } from "../model/config";
import { paramText, paramValue } from "../scenario/params";
import type { OpKind } from "../model/timeline";
import { MAX_TIME_MS, validateScenario, type ScenarioDoc } from "../scenario/schema";
import { MAX_WRITES } from "../scenario/limit";
import {
  DEFAULT_CONFIG,
  scenarioConfig,
  type SessionConfig,
  type SessionDoc,
} from "../scenario/session";
import { problemLine } from "../text/scenario";
import { URL_NOTICE } from "../text/url";
import { readTheme, THEMES } from "./view";

export interface UrlConfig {
  readonly config: SessionConfig;
  readonly notices: readonly string[];
}

/** A parameter's value, forgiving letter case (QEMU's names are all lower case). */
function param(params: URLSearchParams, name: string): string | null {
  return params.get(name)?.toLowerCase() ?? null;
}

/** Field `key` as the link has it (its parameter, or the alias), or its default when absent. */
function fromLink(params: URLSearchParams, key: ConfigKey): unknown {
  const { param: name, alias, default: fallback } = CONFIG_FIELDS[key];
  const raw = param(params, name) ?? (alias === undefined ? null : param(params, alias));
  return raw === null ? fallback : paramValue(key, raw);
}

/** The configuration a link names: each field by its parameter in the configuration table. */
export function readUrlConfig(search: string): UrlConfig {
  const params = new URLSearchParams(search);
  const fields = Object.fromEntries(CONFIG_KEYS.map((key) => [key, fromLink(params, key)]));
  const notices: string[] = [];
  // Each pass reports the first bad field; replace it by its default and validate again.
  for (let pass = 0; pass <= CONFIG_KEYS.length; pass++) {
    const result = validateScenario({ version: 1, config: fields, ops: [] });
    if (result.ok) return { config: withDefaults(result.scenario.config), notices };
    const key = CONFIG_KEYS.find((k) => result.problem.field === `config.${k}`);
    if (!key) break;
    const { param: name, default: fallback } = CONFIG_FIELDS[key];
    notices.push(URL_NOTICE.field(result.problem, name, paramText(fallback)));
    fields[key] = fallback;
  }
  return { config: DEFAULT_CONFIG, notices };
}

/**
 * The fragment's writes (`#writes=sn12.5b.5`): each is its kind's letter and its time, in ms
 * after the previous write's (after 0 for the first; nothing: the same instant), or in capitals
 * its time from 0 when that is shorter. The reader adds the step to the previous time in the
 * same floating point, and the writer (src/link/urlWrite.ts) chose the shortest step for which
 * that sum is the time exactly, so every time comes back bit for bit.
 */
export const WRITE_LETTERS: Readonly<Record<OpKind, string>> = {
  normal: "n",
  osync: "s",
  barrier: "b",
  odirect: "d",
};

/** The fragment's parameter that holds the writes. */
export const WRITES_PARAM = "writes";

/** One write in the fragment: a letter, then a decimal number (none: a step of 0). */
const WRITE = /([a-z])(-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?)?/iy;

export interface UrlScenario {
  readonly doc: SessionDoc;
  /** The playhead, in model ms; null when the link names none. */
  readonly tMs: number | null;
  readonly notices: readonly string[];
}

type ParsedOps = { ops: ScenarioDoc["ops"] } | { error: string };

/**
 * Writes read from a link, validated; `items` are as the link spells them, for the notice
 * `notOne` gives the first bad one.
 */
function validOps(
  items: readonly string[],
  ops: readonly unknown[],
  notOne: (index: number, item: string) => string,
): ParsedOps {
  const result = validateScenario({ version: 1, config: scenarioConfig(DEFAULT_CONFIG), ops });
  if (!result.ok) {
    const at = /^ops\[(\d+)\]/.exec(result.problem.field);
    const item = at ? items[Number(at[1])] : undefined;
    return {
      error: item === undefined ? problemLine(result.problem) : notOne(Number(at?.[1]), item),
    };
  }
  return { ops: result.scenario.ops };
}

/** `osync@0,normal@12.5` (a link made before the fragment held the writes) → the ops. */
function parseOps(raw: string): ParsedOps {
  const items = raw === "" ? [] : raw.split(",");
  if (items.length > MAX_WRITES) return { error: URL_NOTICE.tooManyOps(MAX_WRITES, items.length) };
  const ops = items.map((item) => {
    const [kind, at, ...rest] = item.split("@");
    return { kind, at: rest.length === 0 && at !== undefined && at !== "" ? Number(at) : at };
  });
  return validOps(items, ops, URL_NOTICE.notAnOp);
}

const KIND_OF_LETTER = new Map(Object.entries(WRITE_LETTERS).map(([kind, l]) => [l, kind]));

/** The fragment's `sn12.5b.5` (WRITE_LETTERS) → the ops. */
function parseWrites(raw: string): ParsedOps {
  const items: string[] = [];
  const ops: { kind: string | undefined; at: number }[] = [];
  let previous = 0;
  let count = 0;
  WRITE.lastIndex = 0;
  while (WRITE.lastIndex < raw.length) {
    const start = WRITE.lastIndex;
    const match = WRITE.exec(raw);
    if (match === null) {
      return { error: URL_NOTICE.notAWrite(count, raw.slice(start, start + 20)) };
    }
    // Past the limit, only counted (for the notice): a hostile link holds nothing more.
    if (++count > MAX_WRITES) continue;
    const [item, letter = "", number = "0"] = match;
    const capital = letter !== letter.toLowerCase();
    const at = capital ? Number(number) : previous + Number(number);
    items.push(item);
    ops.push({ kind: KIND_OF_LETTER.get(letter.toLowerCase()), at });
    previous = at;
  }
  if (count > MAX_WRITES) return { error: URL_NOTICE.tooManyOps(MAX_WRITES, count) };
  return validOps(items, ops, URL_NOTICE.notAWrite);
}

/** `power@25` → the failure, or null when it is not one. */
function parseCrash(raw: string): NonNullable<ScenarioDoc["crash"]> | null {
  const [kind, at, ...rest] = raw.split("@");
  const result = validateScenario({
    version: 1,
    config: scenarioConfig(DEFAULT_CONFIG),
    ops: [],
    crash: { kind, at: rest.length === 0 && at !== undefined && at !== "" ? Number(at) : at },
  });
  return result.ok ? (result.scenario.crash ?? null) : null;
}

/** The query parameters of a scenario (each configuration field's, and its alias). */
const SCENARIO_PARAMS = [
  ...CONFIG_KEYS.flatMap((key) => [CONFIG_FIELDS[key].param, CONFIG_FIELDS[key].alias ?? []]),
  "ops",
  "crash",
  "t",
].flat();

/** Whether the address names a scenario (a parameter of one, or writes in the fragment). */
export function carriesScenario(search: string, hash: string): boolean {
  const params = new URLSearchParams(search);
  return (
    SCENARIO_PARAMS.some((name) => params.has(name)) ||
    new URLSearchParams(hash.replace(/^#/, "")).has(WRITES_PARAM)
  );
}

/**
 * The scenario a link describes: its configuration, writes, failure and playhead. The writes
 * are the fragment's (`hash`) when it has them, else the query's `ops` (links made before).
 */
export function readUrlScenario(search: string, hash = ""): UrlScenario {
  const { config, notices: configNotices } = readUrlConfig(search);
  const params = new URLSearchParams(search);
  const notices = [...configNotices];
  let ops: SessionDoc["ops"] = [];
  const rawWrites = new URLSearchParams(hash.replace(/^#/, "")).get(WRITES_PARAM);
  const rawOps = params.get("ops");
  const parsed =
    rawWrites !== null ? parseWrites(rawWrites) : rawOps !== null ? parseOps(rawOps) : null;
  if (parsed !== null) {
    if ("error" in parsed)
      notices.push(URL_NOTICE.ops(parsed.error, rawWrites === null ? "ops" : WRITES_PARAM));
    else ops = parsed.ops.map((op) => ({ atMs: op.at, kind: op.kind }));
  }
  let crash: SessionDoc["crash"] = null;
  const rawCrash = params.get("crash");
  if (rawCrash !== null) {
    const parsed = parseCrash(rawCrash);
    if (parsed === null) notices.push(URL_NOTICE.crash(rawCrash));
    else crash = { atMs: parsed.at, kind: parsed.kind };
  }
  let tMs: number | null = null;
  const rawT = params.get("t");
  if (rawT !== null) {
    const t = rawT.trim() === "" ? NaN : Number(rawT);
    // The same bound as every time in a scenario (src/scenario/schema.ts).
    if (Number.isFinite(t) && t >= 0 && t <= MAX_TIME_MS) tMs = t;
    else notices.push(URL_NOTICE.t(rawT));
  }
  // Not part of the scenario (src/link/view.ts reads it, falling back to auto); said here, where
  // every other bad parameter of a link or an element's attributes is.
  const rawTheme = params.get("theme");
  if (rawTheme !== null && readTheme(rawTheme) === null)
    notices.push(URL_NOTICE.theme(rawTheme, THEMES));
  return { doc: { config, ops, crash }, tMs, notices };
}

export interface StartingScenario extends UrlScenario {
  /** Where it came from: the address, the tab's kept scenario, or the address after that was dropped. */
  readonly from: "address" | "kept" | "dropped";
}

/**
 * What the page opens with: the address's scenario when it names one (a link wins), else the
 * scenario the tab kept (`kept`, as src/link/kept.ts stored it: the address's query and
 * fragment). A kept one that does not read back whole is dropped with a notice, never half
 * shown: the page then opens as the address says.
 */
export function startingScenario(
  search: string,
  hash: string,
  kept: string | null,
): StartingScenario {
  if (kept === null || carriesScenario(search, hash)) {
    return { ...readUrlScenario(search, hash), from: "address" };
  }
  const cut = kept.indexOf("#");
  const read =
    cut < 0 ? readUrlScenario(kept) : readUrlScenario(kept.slice(0, cut), kept.slice(cut));
  if (read.notices.length === 0) return { ...read, from: "kept" };
  const fresh = readUrlScenario(search, hash);
  return { ...fresh, notices: [URL_NOTICE.keptDropped, ...fresh.notices], from: "dropped" };
}
