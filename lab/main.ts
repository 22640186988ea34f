/**
 * `npm run lab`: checks the model's claims against real QEMU (docs/lab.md). For each cache mode
 * and guest barrier setting it boots a tiny guest under TCG, records QEMU's system calls on the
 * image with strace while the guest makes each kind of write, compares what happened with what
 * src/model predicts, kills QEMU mid-run to read what survives, and writes the results.
 *
 *   npm run lab                          every mode
 *   npm run lab -- --mode none           one mode (the option repeats)
 *   npm run lab -- --writes 5            writes per kind and boot (default 20)
 *   npm run lab -- --seed-error NAME     plant a model error; the lab must then fail
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { release } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { CACHE_MODES, type CacheMode } from "../src/model/config";
import { compareRun, type RunResult } from "./compare";
import {
  compareKill,
  holdsBlock,
  LAST_REPORT,
  predictKill,
  qcow2AsRaw,
  type KillResult,
} from "./kill";
import { WRITE_KINDS } from "./kinds";
import { labDoc } from "./labdoc";
import { observeBoot } from "./observe";
import { buildInitramfs, ensureKernel, ensurePackages, qemuVersion } from "./prepare";
import { configOf, isSeedError, predictRun, SEED_ERRORS, type SeedError } from "./predict";
import { ACCELERATOR, killedBoot, tracedBoot, type Guest } from "./qemu";
import { checkedOf, labTables, tally, textTable, type LabResults } from "./report";
import { parseStrace } from "./strace";

const ROOT = resolve(import.meta.dirname, "..");
const OUT = join(ROOT, "lab/out");
const IMAGE_MB = 32;

interface Options {
  readonly modes: readonly CacheMode[];
  readonly writes: number;
  readonly seed: SeedError | null;
}

function options(argv: readonly string[]): Options {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      mode: { type: "string", multiple: true },
      writes: { type: "string", default: "20" },
      "seed-error": { type: "string" },
    },
  });
  const modes = values.mode ?? [...CACHE_MODES];
  for (const m of modes) {
    if (!(CACHE_MODES as readonly string[]).includes(m)) {
      throw new Error(`--mode ${m}: not a cache mode (${CACHE_MODES.join(", ")})`);
    }
  }
  const writes = Number(values.writes);
  if (!Number.isInteger(writes) || writes < 1 || writes > 1000) {
    throw new Error(`--writes ${values.writes}: give a whole number from 1 to 1000`);
  }
  const seed = values["seed-error"] ?? null;
  if (seed !== null && !isSeedError(seed)) {
    throw new Error(`--seed-error ${seed}: one of ${Object.keys(SEED_ERRORS).join(", ")}`);
  }
  return { modes: modes as CacheMode[], writes, seed };
}

function sh(cmd: string, args: readonly string[]): void {
  execFileSync(cmd, args, { stdio: ["ignore", "ignore", "pipe"] });
}

/**
 * The guest's disk: a raw image fully written at creation (docs/model.md §8.13), formatted on
 * the host without discarding (mkfs.ext4 would punch it sparse) and with every inode table and
 * the journal initialised now, so no background zeroing runs in the guest. Each write kind has
 * its own file, written in full so that the guest's writes overwrite allocated blocks.
 */
function makeExt4Image(dir: string, writes: number): string {
  const files = join(dir, "files");
  rmSync(files, { recursive: true, force: true });
  mkdirSync(files, { recursive: true });
  for (const kind of WRITE_KINDS) {
    writeFileSync(join(files, `${kind.letter}.dat`), Buffer.alloc(writes * 4096, "x"));
  }
  const image = join(dir, "ext4.img");
  rmSync(image, { force: true });
  sh("qemu-img", [
    "create",
    "-q",
    "-f",
    "raw",
    "-o",
    "preallocation=full",
    image,
    `${String(IMAGE_MB)}M`,
  ]);
  sh("mkfs.ext4", [
    "-q",
    "-F",
    "-E",
    "nodiscard,lazy_itable_init=0,lazy_journal_init=0",
    "-d",
    files,
    image,
  ]);
  return image;
}

async function writeRuns(guest: Guest, mode: CacheMode, opts: Options): Promise<RunResult[]> {
  const results: RunResult[] = [];
  for (const guestBarriers of [true, false]) {
    const dir = join(OUT, "runs", `${mode}-barrier${guestBarriers ? "1" : "0"}`);
    mkdirSync(dir, { recursive: true });
    const image = makeExt4Image(dir, opts.writes);
    const trace = join(dir, "qemu.strace");
    const started = Date.now();
    await tracedBoot(
      guest,
      mode,
      { file: image, format: "raw" },
      `lab.task=writes lab.barrier=${guestBarriers ? "1" : "0"} lab.n=${String(opts.writes)}`,
      trace,
      join(dir, "console.txt"),
    );
    const boot = observeBoot(parseStrace(readFileSync(trace, "utf8")), image);
    const config = configOf(mode, guestBarriers, opts.seed);
    for (const kind of WRITE_KINDS) {
      results.push(compareRun(mode, guestBarriers, kind.id, predictRun(config, kind.id), boot));
    }
    console.log(
      `  ${mode}, barriers ${guestBarriers ? "on" : "off"}: ${String(boot.calls.length)} guest calls in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  return results;
}

async function killRun(guest: Guest, mode: CacheMode, opts: Options): Promise<KillResult[]> {
  const dir = join(OUT, "runs", `${mode}-kill`);
  mkdirSync(dir, { recursive: true });
  const raw = join(dir, "raw.img");
  const qcow2 = join(dir, "alloc.qcow2");
  rmSync(raw, { force: true });
  rmSync(qcow2, { force: true });
  sh("qemu-img", ["create", "-q", "-f", "raw", "-o", "preallocation=full", raw, "16M"]);
  // A fresh qcow2: every write the guest makes allocates a cluster.
  sh("qemu-img", ["create", "-q", "-f", "qcow2", qcow2, "16M"]);
  const consoleText = await killedBoot(
    guest,
    mode,
    [
      { file: raw, format: "raw" },
      { file: qcow2, format: "qcow2" },
    ],
    LAST_REPORT,
  );
  writeFileSync(join(dir, "console.txt"), consoleText);
  const qcow2Raw = join(dir, "alloc.qcow2.raw");
  qcow2AsRaw(qcow2, qcow2Raw);
  // The kill's verdicts need guest barriers on: a raw block device's fdatasync sends a flush.
  const predicted = predictKill(configOf(mode, true, opts.seed));
  return compareKill(mode, predicted, (w) =>
    holdsBlock(w.image === "raw" ? raw : qcow2Raw, w.offset, w.fill),
  );
}

async function main(): Promise<number> {
  const started = Date.now();
  const opts = options(process.argv.slice(2));
  const log = (line: string): void => {
    console.log(line);
  };
  mkdirSync(OUT, { recursive: true });
  ensurePackages(log);
  const kernel = ensureKernel(join(OUT, "kernel"), log);
  const guest: Guest = {
    vmlinuz: kernel.vmlinuz,
    initramfs: buildInitramfs(OUT, kernel, join(ROOT, "lab/guest/labguest.c")),
  };
  const qemu = qemuVersion();
  log(
    `QEMU ${qemu}, guest kernel ${kernel.package} ${kernel.version}, ${ACCELERATOR.toUpperCase()}`,
  );
  if (opts.seed) log(`seeded model error: ${opts.seed} (the lab must fail)`);

  const runs: RunResult[] = [];
  const kills: KillResult[] = [];
  for (const mode of opts.modes) {
    runs.push(...(await writeRuns(guest, mode, opts)));
    kills.push(...(await killRun(guest, mode, opts)));
    log(`  ${mode}: QEMU killed after the guest's last write; images read`);
  }
  const durationS = Math.round((Date.now() - started) / 100) / 10;
  const results: LabResults = {
    version: 1,
    date: new Date().toISOString(),
    qemu,
    guestKernel: `${kernel.package} ${kernel.version}`,
    hostKernel: release(),
    accelerator: ACCELERATOR,
    seedError: opts.seed,
    durationS,
    ...tally(runs, kills),
    runs,
    kills,
  };
  const resultsFile = join(OUT, "lab-results.json");
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);

  log("");
  const tables = labTables(results);
  log(textTable(tables.runs.head, tables.runs.rows));
  log("");
  log(textTable(tables.kills.head, tables.kills.rows));
  log("");
  log(`${String(results.predictionsHold)} of ${String(results.predictions)} predictions hold`);
  log(`results: ${resultsFile}`);
  // A self-test with a planted error must not replace the published record.
  if (opts.seed === null) {
    writeFileSync(join(ROOT, "docs/lab.md"), labDoc(results));
    mkdirSync(join(ROOT, "src/lab"), { recursive: true });
    writeFileSync(
      join(ROOT, "src/lab/checked.json"),
      `${JSON.stringify(checkedOf(results), null, 2)}\n`,
    );
    writeFileSync(join(ROOT, "src/lab/table.json"), `${JSON.stringify(tables, null, 2)}\n`);
    log("report: docs/lab.md, for the page: src/lab/checked.json and src/lab/table.json");
  }
  log(`lab finished in ${durationS.toFixed(1)} s`);
  return results.predictionsHold === results.predictions ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`lab: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
