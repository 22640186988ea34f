/**
 * The configuration in one line: on the page (an embed, presenter mode, the compared diagram)
 * and under an exported frame or table, with the instant it shows.
 */
import type { SessionConfig } from "../scenario/session";
import { faultList, faultsOn } from "./faults";
import { formatModelTime } from "./clock";
import { onOff } from "./vocabulary";

const guest = (config: SessionConfig) =>
  `${config.guestFs} guest, barriers ${onOff(config.guestBarriers)}`;
const disk = (config: SessionConfig) => `disk write cache ${config.diskCache}`;

/** On the page: "cache=none · ext4 guest, barriers on · disk write cache volatile · drive ignores flushes". */
export function configurationShort(config: SessionConfig, withMode: boolean): string {
  const faults = faultsOn(config);
  return [
    ...(withMode ? [`cache=${config.mode}`] : []),
    guest(config),
    disk(config),
    ...(faults.length > 0 ? [faults.join(", ")] : []),
  ].join(" · ");
}

/** Under an export: "cache=none · ext4 guest, barriers on · disk write cache volatile · faults: none · model time 14.161 ms". */
export function configurationLine(config: SessionConfig, tMs: number): string {
  return [
    `cache=${config.mode}`,
    guest(config),
    disk(config),
    `faults: ${faultList(faultsOn(config))}`,
    `model time ${formatModelTime(tMs)}`,
  ].join(" · ");
}
