/**
 * The whole scenario in the URL, so a link opens any moment:
 * `?mode=none&barriers=off&fs=ext3&disk=volatile&ops=osync@0,normal@12.5&crash=power@0.08&t=0.05`.
 * Read at load through the scenario validator (one validator for every boundary); written back in
 * place as the user acts by src/link/urlWrite.ts, loaded after the first view. A bad parameter never blanks the page: it yields a notice naming it
 * (and the default used instead), and the rest still loads.
 */
import { CONFIG_FIELDS, CONFIG_KEYS, withDefaults, type ConfigKey } from "../model/config";
import { paramText, paramValue } from "../scenario/params";
import { MAX_TIME_MS, validateScenario, type ScenarioDoc } from "../scenario/schema";
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
 * A link carries at most this many writes: more would make the page slow to open (each is a
 * token, a ledger row and its events) and the link unwieldy to share. Scenario files take more.
 */
export const MAX_URL_OPS = 2_000;

export interface UrlScenario {
  readonly doc: SessionDoc;
  /** The playhead, in model ms; null when the link names none. */
  readonly tMs: number | null;
  readonly notices: readonly string[];
}

/** `osync@0,normal@12.5` → the ops, or the reason it is not that. */
function parseOps(raw: string): { ops: ScenarioDoc["ops"] } | { error: string } {
  const items = raw === "" ? [] : raw.split(",");
  if (items.length > MAX_URL_OPS)
    return { error: URL_NOTICE.tooManyOps(MAX_URL_OPS, items.length) };
  const ops = items.map((item) => {
    const [kind, at, ...rest] = item.split("@");
    return { kind, at: rest.length === 0 && at !== undefined && at !== "" ? Number(at) : at };
  });
  const result = validateScenario({
    version: 1,
    config: scenarioConfig(DEFAULT_CONFIG),
    ops,
  });
  if (!result.ok) {
    const at = /^ops\[(\d+)\]/.exec(result.problem.field);
    const item = at ? items[Number(at[1])] : undefined;
    return {
      error:
        item === undefined
          ? problemLine(result.problem)
          : URL_NOTICE.notAnOp(Number(at?.[1]), item),
    };
  }
  return { ops: result.scenario.ops };
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

/** The scenario a link describes: its configuration, writes, failure and playhead. */
export function readUrlScenario(search: string): UrlScenario {
  const { config, notices: configNotices } = readUrlConfig(search);
  const params = new URLSearchParams(search);
  const notices = [...configNotices];
  let ops: SessionDoc["ops"] = [];
  const rawOps = params.get("ops");
  if (rawOps !== null) {
    const parsed = parseOps(rawOps);
    if ("error" in parsed) notices.push(URL_NOTICE.ops(parsed.error));
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
