/**
 * The command-line tools' human output (src/cli/): usage, and the one-line errors they print on
 * standard error. What they print on standard output is data (JSON) or the matrix (./matrix.ts).
 */

export const CLI = {
  /** Every failure, as its one line on standard error. */
  error: (message: string) => `error: ${message}`,
  stdin: "standard input",
  tooLarge: (name: string, mib: number) =>
    `${name} is larger than ${String(mib)} MiB, the most a scenario may take (100 000 ops need under 10 MiB)`,
  notText: (name: string, reason: string) => `${name} is not read (${reason})`,
  cannotRead: (name: string, code: string) => `cannot read ${name} (${code})`,
  scenarioUsage:
    "usage: npm run --silent scenario -- FILE (a scenario JSON file, or - for standard input)",
  matrixUsage: (options: readonly { flag: string; values: readonly string[] }[]) =>
    `matrix --format md|json ${options.map((o) => `[${o.flag} ${o.values.join("|")}]`).join(" ")}`,
  unknownArgument: (arg: string, usage: string) => `unknown argument ${arg} (usage: ${usage})`,
  needsValue: (option: string) => `${option} needs a value`,
  expectedOneOf: (option: string, allowed: readonly string[], got: string) =>
    `${option}: expected one of ${allowed.join(", ")}, got ${got}`,
} as const;
