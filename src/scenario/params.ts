/**
 * A configuration field's value as text, the way a link, an element attribute and a command-line
 * option spell it (the names: the configuration table, src/model/config.ts): a name as it is, a
 * yes/no field as on/off.
 */
import { CONFIG_FIELDS, type ConfigFields, type ConfigKey } from "../model/config";

export function paramText(value: ConfigFields[ConfigKey]): string {
  if (typeof value === "boolean") return value ? "on" : "off";
  return value;
}

/**
 * The value `raw` stands for in field `key`: a yes/no field takes on/off, true/false or 1/0.
 * Anything else comes back as it is, for the scenario validator to name.
 */
export function paramValue(key: ConfigKey, raw: string): unknown {
  if (typeof CONFIG_FIELDS[key].default !== "boolean") return raw;
  if (raw === "on" || raw === "true" || raw === "1") return true;
  if (raw === "off" || raw === "false" || raw === "0") return false;
  return raw;
}
