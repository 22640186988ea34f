/**
 * `npm run --silent scenario -- FILE`: simulate a scenario document (FILE, or "-" for standard
 * input) and print its outcome as JSON.
 */
import { outcomeOf } from "../scenario/outcome";
import { parseScenario } from "../scenario/schema";
import { CLI } from "../text/cli";
import { problemLine } from "../text/scenario";
import { readInput, runCli, UsageError } from "./io";

runCli(async () => {
  const args = process.argv.slice(2);
  const [file] = args;
  if (args.length !== 1 || file === undefined) {
    throw new UsageError(CLI.scenarioUsage);
  }
  const parsed = parseScenario(await readInput(file));
  if (!parsed.ok) throw new UsageError(problemLine(parsed.problem));
  process.stdout.write(`${JSON.stringify(outcomeOf(parsed.scenario), null, 2)}\n`);
});
