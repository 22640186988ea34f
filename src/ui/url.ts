/**
 * The configuration in the URL (`?mode=none&barriers=off&fs=ext3&disk=volatile`): read at load through
 * the scenario validator (one validator for every boundary), written back in place as the user
 * changes controls. A bad parameter never blanks the page: it yields a notice naming it and the
 * default used instead.
 */
import { validateScenario } from "../scenario/schema";
import { DEFAULT_CONFIG, type SessionConfig } from "../store/session";

const PARAM_OF_FIELD = {
  "config.mode": "mode",
  "config.guestBarriers": "barriers",
  "config.guestFs": "fs",
  "config.diskCache": "disk",
} as const;

type Field = keyof typeof PARAM_OF_FIELD;

export interface UrlConfig {
  readonly config: SessionConfig;
  readonly notices: readonly string[];
}

/** A parameter's value, forgiving letter case (QEMU's names are all lower case). */
function param(params: URLSearchParams, name: string): string | null {
  return params.get(name)?.toLowerCase() ?? null;
}

function barriersValue(raw: string | null): unknown {
  if (raw === null) return DEFAULT_CONFIG.guestBarriers;
  if (raw === "on" || raw === "true" || raw === "1") return true;
  if (raw === "off" || raw === "false" || raw === "0") return false;
  return raw;
}

export function readUrlConfig(search: string): UrlConfig {
  const params = new URLSearchParams(search);
  const fields: Record<Field, unknown> = {
    // `cache` is QEMU's own spelling (-drive cache=none): accept it too.
    "config.mode": param(params, "mode") ?? param(params, "cache") ?? DEFAULT_CONFIG.mode,
    "config.guestBarriers": barriersValue(param(params, "barriers")),
    "config.guestFs": param(params, "fs") ?? DEFAULT_CONFIG.guestFs,
    "config.diskCache": param(params, "disk") ?? DEFAULT_CONFIG.diskCache,
  };
  const defaults: Record<Field, unknown> = {
    "config.mode": DEFAULT_CONFIG.mode,
    "config.guestBarriers": DEFAULT_CONFIG.guestBarriers,
    "config.guestFs": DEFAULT_CONFIG.guestFs,
    "config.diskCache": DEFAULT_CONFIG.diskCache,
  };
  const notices: string[] = [];
  // Each pass reports the first bad field; replace it by its default and validate again.
  for (let pass = 0; pass <= Object.keys(PARAM_OF_FIELD).length; pass++) {
    const result = validateScenario({
      version: 1,
      config: {
        mode: fields["config.mode"],
        guestBarriers: fields["config.guestBarriers"],
        guestFs: fields["config.guestFs"],
        diskCache: fields["config.diskCache"],
      },
      ops: [],
    });
    if (result.ok) {
      const { mode, guestBarriers, guestFs, diskCache } = result.scenario.config;
      return {
        config: {
          mode,
          guestBarriers,
          guestFs: guestFs ?? DEFAULT_CONFIG.guestFs,
          diskCache: diskCache ?? DEFAULT_CONFIG.diskCache,
        },
        notices,
      };
    }
    const field = (Object.keys(PARAM_OF_FIELD) as Field[]).find((f) =>
      result.error.startsWith(`${f}:`),
    );
    if (!field) break;
    const param = PARAM_OF_FIELD[field];
    const fallback =
      field === "config.guestBarriers"
        ? DEFAULT_CONFIG.guestBarriers
          ? "on"
          : "off"
        : String(defaults[field]);
    const reason = result.error
      .slice(field.length + 1)
      .trim()
      .replace("true or false", "on or off");
    notices.push(
      `The URL parameter “${param}” is not valid (${reason}); using ${fallback} instead.`,
    );
    fields[field] = defaults[field];
  }
  return { config: DEFAULT_CONFIG, notices };
}

/** The query string for `config`, keeping any other parameters of `search`. */
export function writeUrlConfig(search: string, config: SessionConfig): string {
  const params = new URLSearchParams(search);
  params.set("mode", config.mode);
  params.set("barriers", config.guestBarriers ? "on" : "off");
  params.set("fs", config.guestFs);
  params.set("disk", config.diskCache);
  return `?${params.toString()}`;
}
